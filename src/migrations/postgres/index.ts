import * as migration_20261202_230806_initial from './20261202_230806_initial';

export const migrations = [
  {
    up: migration_20261202_230806_initial.up,
    down: migration_20261202_230806_initial.down,
    name: '20261202_230806_initial'
  },
];
