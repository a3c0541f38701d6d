/**
 * Learning from moderators: each decision a moderator or admin makes on a comment is kept as a training example
 * of the offence model (rejected → offensive, approved → safe, an edit-then-approve → the original text offensive
 * and the edited text safe; spam decisions are kept but never train it). Readers' reports and the system's own
 * decisions record nothing, nor does anything when the site turned the score off. After every `retrainAfterDecisions` new examples the retraining job is queued.
 */
import type { PayloadRequest } from 'payload'

import { MODERATION_ROLES, hasRole } from '../../access/roles'
import type { CommentContext } from './context'
import { MODERATION_EXAMPLES_SLUG, MODERATION_MODELS_SLUG, RETRAIN_OFFENSE_TASK, type ExampleLabel } from './offenseConstants'
import { idOf, requestUser, type Comment } from './payload'
import { loadModerationSettings } from './settings'

interface Example {
  text: string
  label: ExampleLabel
  decision: string
}

/** The examples a moderator's change of a comment teaches (none when the status did not change to a decision). */
export const examplesOfDecision = (doc: Partial<Comment>, previous: Partial<Comment> | undefined): Example[] => {
  if (!previous || doc.status === previous.status) return []
  const body = String(doc.body ?? '')
  switch (doc.status) {
    case 'rejected':
      return [{ text: body, label: 'offensive', decision: 'rejected' }]
    case 'spam':
      return [{ text: body, label: 'spam', decision: 'spam' }]
    case 'approved': {
      const edited = typeof previous.body === 'string' && previous.body !== body
      const safe: Example = { text: body, label: 'safe', decision: 'approved' }
      return edited ? [{ text: previous.body as string, label: 'offensive', decision: 'edited' }, safe] : [safe]
    }
    default:
      return []
  }
}

/** afterChange of a comment: records a moderator's decision as examples, and queues a retrain when enough are new. */
export const learnFromModeratorDecision = async (
  doc: Comment,
  previousDoc: Partial<Comment> | undefined,
  operation: 'create' | 'update',
  req: PayloadRequest,
  context: CommentContext,
) => {
  if (operation !== 'update' || context.commentSystemWrite) return
  const user = requestUser(req)
  if (!user || !hasRole(user, MODERATION_ROLES)) return
  const examples = examplesOfDecision(doc, previousDoc).filter((example) => example.text.trim() !== '')
  if (examples.length === 0) return
  // A site that turned the score off keeps no examples either.
  if (!(await loadModerationSettings(req)).offenseScoring) return
  for (const example of examples) {
    await req.payload.create({
      collection: MODERATION_EXAMPLES_SLUG as never,
      data: { ...example, decidedBy: String(user.id), article: idOf(doc.article) ?? null, comment: doc.id } as never,
      overrideAccess: true,
      req,
    })
  }
  await queueRetrainWhenDue(req)
}

/** Queues the retraining job when `retrainAfterDecisions` examples were recorded since the latest version and none is waiting. */
export const queueRetrainWhenDue = async (req: PayloadRequest) => {
  const settings = await loadModerationSettings(req)
  const latest = await req.payload.find({
    collection: MODERATION_MODELS_SLUG as never,
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    select: { createdAt: true } as never,
    overrideAccess: true,
    req,
  })
  const since = (latest.docs[0] as { createdAt?: string } | undefined)?.createdAt
  const { totalDocs: fresh } = await req.payload.count({
    collection: MODERATION_EXAMPLES_SLUG as never,
    where: since ? { createdAt: { greater_than: since } } : {},
    overrideAccess: true,
    req,
  })
  if (fresh < settings.retrainAfterDecisions) return
  if (await retrainWaiting(req)) return
  await queueRetrain(req, 'decisions')
}

/** Whether a retraining job is queued or running and not yet finished. */
export const retrainWaiting = async (req: PayloadRequest): Promise<boolean> => {
  const { totalDocs } = await req.payload.count({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: RETRAIN_OFFENSE_TASK } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

export const queueRetrain = (req: PayloadRequest, reason: 'decisions' | 'admin') =>
  req.payload.jobs.queue({ task: RETRAIN_OFFENSE_TASK as never, input: { reason } as never, queue: 'newsroom', req })

/** beforeDelete of a comment: its examples go with it (readers' words are not kept after their comment). */
export const forgetExamplesOfComment = async (id: number | string, req: PayloadRequest) => {
  await req.payload.delete({
    collection: MODERATION_EXAMPLES_SLUG as never,
    where: { comment: { equals: id } },
    overrideAccess: true,
    req,
  })
}
