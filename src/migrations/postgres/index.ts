import * as migration_20261202_015708_initial from './20261202_015708_initial';

export const migrations = [
  {
    up: migration_20261202_015708_initial.up,
    down: migration_20261202_015708_initial.down,
    name: '20261202_015708_initial'
  },
];
