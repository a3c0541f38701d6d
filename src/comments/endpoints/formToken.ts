import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { storedIdOf } from '../../http/ids'
import { issueFormToken } from '../identity'
import { commentMessage } from '../messages'
import { commentsClosedReason } from '../pipeline/articleOpen'
import { loadModerationSettings, type ModerationSettingsValues } from '../settings'
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from './submitComment'

/**
 * Whether `?article=<id>` takes comments now, as the caller may read the article (the public: published articles
 * only). Pages are cached whole, so the form learns it here, at the reader's visit: an article whose
 * `commentsCloseAt` or the settings' `closeAfterDays` passed after its page was rendered.
 */
const commentsOpenFor = async (req: PayloadRequest, asked: string, settings: ModerationSettingsValues) => {
  const id = storedIdOf(req.payload, asked)
  if (id === undefined) throw new APIError(commentMessage('article.not_found', req), 400, { code: 'article.not_found' }, true)
  const found = await req.payload.find({
    collection: 'articles',
    where: { id: { equals: id } },
    select: { _status: true, allowComments: true, commentsCloseAt: true, publishedAt: true, createdAt: true },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    req,
  })
  const article = found.docs[0]
  const code = article ? commentsClosedReason({ ...article, status: article._status }, settings, new Date()) : 'article.not_found'
  return code ? { open: false, closed: { code, message: commentMessage(code, req) } } : { open: true }
}

/**
 * `GET /api/comments/form-token`: a signed time stamp the site puts in its comment form. With `?article=<id>`, also
 * whether that article takes comments now (`open`, and `closed` with the reason when it does not).
 */
export const formTokenEndpoint: Endpoint = {
  path: '/form-token',
  method: 'get',
  handler: async (req) => {
    const settings = await loadModerationSettings(req)
    const asked = req.searchParams?.get('article')
    return Response.json(
      {
        token: issueFormToken(req.payload.secret),
        tokenField: FORM_TOKEN_FIELD,
        minSecondsToSubmit: settings.minSecondsToSubmit,
        honeypotField: settings.honeypot ? HONEYPOT_FIELD : null,
        ...(asked !== null && asked !== undefined ? await commentsOpenFor(req, asked, settings) : {}),
      },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
}
