import type { PayloadRequest } from 'payload'

import { NOTIFY_MODERATORS_TASK } from '../jobs/notifyModerators'
import type { Comment } from './payload'

/** When a comment becomes held (pending), queue the job that e-mails the moderators, in the write's transaction. */
export const queueNoticeWhenHeld = async (doc: Comment, previousDoc: Partial<Comment> | undefined, operation: 'create' | 'update', req: PayloadRequest) => {
  const becameHeld = doc.status === 'pending' && (operation === 'create' || previousDoc?.status !== 'pending')
  if (!becameHeld || doc.deletedAt) return
  await req.payload.jobs.queue({ task: NOTIFY_MODERATORS_TASK, input: { commentId: String(doc.id) }, queue: 'newsroom', req })
}
