import * as migration_20261203_001629_initial from './20261203_001629_initial';

export const migrations = [
  {
    up: migration_20261203_001629_initial.up,
    down: migration_20261203_001629_initial.down,
    name: '20261203_001629_initial'
  },
];
