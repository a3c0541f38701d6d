import * as migration_20261202_234937_initial from './20261202_234937_initial';

export const migrations = [
  {
    up: migration_20261202_234937_initial.up,
    down: migration_20261202_234937_initial.down,
    name: '20261202_234937_initial'
  },
];
