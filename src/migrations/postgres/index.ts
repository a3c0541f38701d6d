import * as migration_20261202_234945_initial from './20261202_234945_initial';

export const migrations = [
  {
    up: migration_20261202_234945_initial.up,
    down: migration_20261202_234945_initial.down,
    name: '20261202_234945_initial'
  },
];
