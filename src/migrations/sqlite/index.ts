import * as migration_20261203_071523_initial from './20261203_071523_initial';

export const migrations = [
  {
    up: migration_20261203_071523_initial.up,
    down: migration_20261203_071523_initial.down,
    name: '20261203_071523_initial'
  },
];
