import * as migration_20261201_051517_initial from './20261201_051517_initial';

export const migrations = [
  {
    up: migration_20261201_051517_initial.up,
    down: migration_20261201_051517_initial.down,
    name: '20261201_051517_initial'
  },
];
