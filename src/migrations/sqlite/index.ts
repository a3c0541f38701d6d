import * as migration_20261202_233125_initial from './20261202_233125_initial';

export const migrations = [
  {
    up: migration_20261202_233125_initial.up,
    down: migration_20261202_233125_initial.down,
    name: '20261202_233125_initial'
  },
];
