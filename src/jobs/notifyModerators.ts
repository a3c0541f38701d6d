import type { TaskConfig } from 'payload'

export const NOTIFY_MODERATORS_TASK = 'notifyModerators'

/**
 * Emails every admin and moderator that a comment waits for review, with the reasons it was held. Sent
 * through Payload's email adapter (nodemailer + SMTP_* settings; the console when none is configured).
 */
export const notifyModeratorsTask: TaskConfig<typeof NOTIFY_MODERATORS_TASK> = {
  slug: NOTIFY_MODERATORS_TASK,
  retries: 3,
  inputSchema: [{ name: 'commentId', type: 'text', required: true }],
  outputSchema: [{ name: 'sent', type: 'number' }],
  handler: async ({ input, req }) => {
    const comment = await req.payload
      .findByID({ collection: 'comments', id: input.commentId, depth: 0, overrideAccess: true, disableErrors: true, req })
      .catch(() => null)
    if (!comment || comment.status !== 'pending') return { output: { sent: 0 } }
    const moderators = await req.payload.find({
      collection: 'users',
      where: { or: [{ roles: { contains: 'moderator' } }, { roles: { contains: 'admin' } }] },
      limit: 200,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const to = [...new Set(moderators.docs.map((user) => user.email).filter(Boolean))]
    if (!to.length) return { output: { sent: 0 } }
    const reasons = (comment.moderation?.reasons ?? [])
      .map((reason) => (reason.term ? `${reason.code} (${reason.term})` : reason.code))
      .join(', ')
    const base = req.payload.config.serverURL || ''
    const link = `${base}/admin/collections/comments/${comment.id}`
    const excerpt = String(comment.body).slice(0, 280)
    await req.payload.sendEmail({
      to,
      subject: `Comment waiting for review / 评论待审核: ${excerpt.slice(0, 60)}`,
      text: `A comment by ${comment.authorName ?? 'a reader'} waits for review.\nReasons: ${reasons || 'none'}\n\n${excerpt}\n\n${link}`,
    })
    return { output: { sent: to.length } }
  },
}
