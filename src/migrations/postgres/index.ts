import * as migration_20261202_235928_initial from './20261202_235928_initial';

export const migrations = [
  {
    up: migration_20261202_235928_initial.up,
    down: migration_20261202_235928_initial.down,
    name: '20261202_235928_initial'
  },
];
