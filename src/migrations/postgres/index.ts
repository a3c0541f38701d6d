import * as migration_20261202_231505_initial from './20261202_231505_initial';

export const migrations = [
  {
    up: migration_20261202_231505_initial.up,
    down: migration_20261202_231505_initial.down,
    name: '20261202_231505_initial'
  },
];
