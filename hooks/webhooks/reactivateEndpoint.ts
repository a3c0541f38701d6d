import type { CollectionBeforeChangeHook } from 'payload'

/** An admin switching a disabled endpoint back on clears the failure record, so its next failure starts a new count. */
export const reactivateEndpoint: CollectionBeforeChangeHook = ({ data, originalDoc, operation }) => {
  if (operation === 'update' && data.active === true && originalDoc?.active === false) {
    data.failingSince = null
    data.disabledReason = null
  }
  return data
}
