import type { AfterErrorHook, CollectionBeforeOperationHook } from 'payload'

import { countFailedLogin, refuseThrottledLogin } from '../../src/security/loginThrottle'

/** beforeOperation of the users collection: a login from an address that failed too often this minute is 429. */
export const refuseThrottledLogins: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation === 'login') await refuseThrottledLogin(req)
  return args
}

/** afterError (REST and GraphQL): a failed login counts against the client's address. */
export const countFailedLogins: AfterErrorHook = async ({ error, req }) => {
  await countFailedLogin(error, req)
}
