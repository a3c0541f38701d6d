import * as migration_20261202_230837_initial from './20261202_230837_initial';

export const migrations = [
  {
    up: migration_20261202_230837_initial.up,
    down: migration_20261202_230837_initial.down,
    name: '20261202_230837_initial'
  },
];
