import * as migration_20261201_062441_initial from './20261201_062441_initial';

export const migrations = [
  {
    up: migration_20261201_062441_initial.up,
    down: migration_20261201_062441_initial.down,
    name: '20261201_062441_initial'
  },
];
