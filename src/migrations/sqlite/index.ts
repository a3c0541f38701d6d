import * as migration_20261201_051515_initial from './20261201_051515_initial';

export const migrations = [
  {
    up: migration_20261201_051515_initial.up,
    down: migration_20261201_051515_initial.down,
    name: '20261201_051515_initial'
  },
];
