import type { Endpoint } from 'payload'

import { issueFormToken } from '../identity'
import { loadModerationSettings } from '../settings'
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from './submitComment'

/** `GET /api/comments/form-token`: a signed time stamp the site puts in its comment form. */
export const formTokenEndpoint: Endpoint = {
  path: '/form-token',
  method: 'get',
  handler: async (req) => {
    const settings = await loadModerationSettings(req)
    return Response.json(
      {
        token: issueFormToken(req.payload.secret),
        tokenField: FORM_TOKEN_FIELD,
        minSecondsToSubmit: settings.minSecondsToSubmit,
        honeypotField: settings.honeypot ? HONEYPOT_FIELD : null,
      },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
}
