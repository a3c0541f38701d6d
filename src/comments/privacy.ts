import type { PayloadRequest } from 'payload'

/** What anonymous callers never see, whatever the field access left behind (e.g. empty arrays). */
export const PRIVATE_COMMENT_FIELDS = ['authorEmail', 'authorUser', 'ipHash', 'userAgentHash', 'fingerprint', 'reports', 'moderation'] as const

/** Strips commenters' personal data and the moderation record from a comment read by an anonymous caller. */
export const withoutPrivateFields = <T extends Record<string, unknown>>(doc: T, req: PayloadRequest, overrideAccess?: boolean): T => {
  // The server's own calls (Local API, or overrideAccess inside an endpoint) see everything.
  if (req.user || overrideAccess || req.payloadAPI === 'local') return doc
  for (const field of PRIVATE_COMMENT_FIELDS) delete doc[field]
  // Anonymous callers only ever see their own new comment unapproved (in the create answer): never say "spam".
  if (doc.status === 'spam') (doc as Record<string, unknown>).status = 'pending'
  return doc
}
