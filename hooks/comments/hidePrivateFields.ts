import type { CollectionAfterReadHook } from 'payload'

/** What anonymous callers never see, whatever the field access left behind (e.g. empty arrays). */
export const PRIVATE_COMMENT_FIELDS = ['authorEmail', 'authorUser', 'ipHash', 'userAgentHash', 'fingerprint', 'reports', 'moderation'] as const

/** afterRead: strips commenters' personal data and the moderation record for anonymous callers (REST, GraphQL). */
export const hidePrivateFields: CollectionAfterReadHook = ({ doc, req, overrideAccess }) => {
  // The server's own calls (Local API, or overrideAccess inside an endpoint) see everything.
  if (req.user || overrideAccess || req.payloadAPI === 'local') return doc
  for (const field of PRIVATE_COMMENT_FIELDS) delete doc[field]
  // Anonymous callers only ever see their own new comment unapproved (in the create answer): never say "spam".
  if (doc.status === 'spam') doc.status = 'pending'
  return doc
}
