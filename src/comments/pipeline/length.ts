import { FORM_TOKEN_MAX_AGE_MS } from '../constants'
import { readFormToken } from '../identity'
import { BODY_MAX, NAME_MAX, looksLikeEmail, textLength, visibleText } from '../text'
import { fieldError } from './refusals'
import type { Phase } from './types'

/** Length and emptiness of article, body, name and e-mail, and the form token's age → 400 naming the field. */
export const checkLength: Phase<'req' | 'draft' | 'settings' | 'userId' | 'form' | 'isStaff' | 'tooFast'> = (state) => {
  const { req, draft, settings } = state
  if (draft.article === undefined || draft.article === null || draft.article === '') {
    throw fieldError(req, 'article', 'comment.article.required')
  }
  const body = visibleText(draft.body)
  if (!body) throw fieldError(req, 'body', 'comment.body.required')
  if (textLength(body) > BODY_MAX) throw fieldError(req, 'body', 'comment.body.too_long', { max: BODY_MAX })
  if (!state.userId || draft.authorName) {
    const name = visibleText(draft.authorName)
    if (!name && !state.userId) throw fieldError(req, 'authorName', 'comment.authorName.required')
    if (textLength(name) > NAME_MAX) throw fieldError(req, 'authorName', 'comment.authorName.too_long', { max: NAME_MAX })
  }
  if (draft.authorEmail && !looksLikeEmail(String(draft.authorEmail).trim())) {
    throw fieldError(req, 'authorEmail', 'comment.authorEmail.invalid')
  }
  if (settings.requireEmail && !state.userId && !draft.authorEmail) {
    throw fieldError(req, 'authorEmail', 'comment.authorEmail.required')
  }
  if (state.form && !state.isStaff && settings.minSecondsToSubmit > 0) {
    const issued = readFormToken(req.payload.secret, state.form.token)
    const age = issued === undefined ? undefined : state.form.receivedAt - issued
    if (age === undefined || age > FORM_TOKEN_MAX_AGE_MS || age < -60_000) throw fieldError(req, 'formToken', 'comment.formToken.missing')
    // Judged later by the too-fast signal (tooFast.ts), after the refusals.
    state.tooFast = age < settings.minSecondsToSubmit * 1000
  }
}
