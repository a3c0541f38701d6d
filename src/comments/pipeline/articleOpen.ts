import { CommentRefusal, fieldError } from './refusals'
import type { Phase } from './types'

/** The article exists, is published, takes comments, and is before commentsCloseAt / closeAfterDays → 400 / 403. */
export const checkArticleOpen: Phase<'req' | 'facts' | 'settings' | 'now'> = ({ req, facts, settings, now }) => {
  const article = facts.article
  if (!article) throw fieldError(req, 'article', 'article.not_found')
  if (article.status !== 'published') throw new CommentRefusal(req, 403, 'article.not_published')
  if (article.allowComments === false) throw new CommentRefusal(req, 403, 'article.comments_disabled')
  if (article.commentsCloseAt && new Date(article.commentsCloseAt).getTime() <= now.getTime()) {
    throw new CommentRefusal(req, 403, 'article.closed')
  }
  const published = article.publishedAt ?? article.createdAt
  if (settings.closeAfterDays && published) {
    const closes = new Date(published).getTime() + settings.closeAfterDays * 86_400_000
    if (closes <= now.getTime()) throw new CommentRefusal(req, 403, 'article.closed')
  }
}
