import * as migration_20261202_224956_initial from './20261202_224956_initial';

export const migrations = [
  {
    up: migration_20261202_224956_initial.up,
    down: migration_20261202_224956_initial.down,
    name: '20261202_224956_initial'
  },
];
