import * as migration_20261202_225112_initial from './20261202_225112_initial';

export const migrations = [
  {
    up: migration_20261202_225112_initial.up,
    down: migration_20261202_225112_initial.down,
    name: '20261202_225112_initial'
  },
];
