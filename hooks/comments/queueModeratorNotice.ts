import type { CollectionAfterChangeHook } from 'payload'

import { NOTIFY_MODERATORS_TASK } from '../../src/jobs/notifyModerators'

/** afterChange: when a comment becomes held (pending), queue the job that emails the moderators. */
export const queueModeratorNotice: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const becameHeld = doc.status === 'pending' && (operation === 'create' || previousDoc?.status !== 'pending')
  if (!becameHeld || doc.deletedAt) return doc
  await req.payload.jobs.queue({ task: NOTIFY_MODERATORS_TASK, input: { commentId: doc.id }, queue: 'newsroom', req } as any)
  return doc
}
