import * as migration_20261203_001634_initial from './20261203_001634_initial';

export const migrations = [
  {
    up: migration_20261203_001634_initial.up,
    down: migration_20261203_001634_initial.down,
    name: '20261203_001634_initial'
  },
];
