import { CommentRefusal, fieldError } from './refusals'
import type { Phase } from './types'

/** What decides whether an article takes comments. */
export interface ArticleCommentsFacts {
  status?: string | null
  allowComments?: boolean | null
  commentsCloseAt?: string | null
  publishedAt?: string | null
  createdAt?: string | null
}

/**
 * Why a published article takes no comments now (`article.comments_disabled`, `article.closed`: its
 * `commentsCloseAt` or the settings' `closeAfterDays` has passed), or null when it takes them. The submit pipeline
 * refuses with it; the form token tells the site's form (src/comments/endpoints/formToken.ts).
 */
export const commentsClosedReason = (article: ArticleCommentsFacts, settings: { closeAfterDays?: number | null }, now: Date): string | null => {
  if (article.status !== 'published') return 'article.not_published'
  if (article.allowComments === false) return 'article.comments_disabled'
  if (article.commentsCloseAt && new Date(article.commentsCloseAt).getTime() <= now.getTime()) return 'article.closed'
  const published = article.publishedAt ?? article.createdAt
  if (settings.closeAfterDays && published && new Date(published).getTime() + settings.closeAfterDays * 86_400_000 <= now.getTime()) return 'article.closed'
  return null
}

/** The article exists, is published, takes comments, and is before commentsCloseAt / closeAfterDays → 400 / 403. */
export const checkArticleOpen: Phase<'req' | 'facts' | 'settings' | 'now'> = ({ req, facts, settings, now }) => {
  const article = facts.article
  if (!article) throw fieldError(req, 'article', 'article.not_found')
  const closed = commentsClosedReason(article, settings, now)
  if (closed) throw new CommentRefusal(req, 403, closed)
}
