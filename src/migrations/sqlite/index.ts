import * as migration_20261202_231445_initial from './20261202_231445_initial';

export const migrations = [
  {
    up: migration_20261202_231445_initial.up,
    down: migration_20261202_231445_initial.down,
    name: '20261202_231445_initial'
  },
];
