import * as migration_20261202_235048_initial from './20261202_235048_initial';

export const migrations = [
  {
    up: migration_20261202_235048_initial.up,
    down: migration_20261202_235048_initial.down,
    name: '20261202_235048_initial'
  },
];
