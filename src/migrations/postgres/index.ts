import * as migration_20261203_071531_initial from './20261203_071531_initial';

export const migrations = [
  {
    up: migration_20261203_071531_initial.up,
    down: migration_20261203_071531_initial.down,
    name: '20261203_071531_initial'
  },
];
