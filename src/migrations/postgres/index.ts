import * as migration_20261202_225010_initial from './20261202_225010_initial';

export const migrations = [
  {
    up: migration_20261202_225010_initial.up,
    down: migration_20261202_225010_initial.down,
    name: '20261202_225010_initial'
  },
];
