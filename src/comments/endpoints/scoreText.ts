import { addDataAndFileToRequest, APIError, type Endpoint } from 'payload'

import { MODERATION_ROLES, hasRole } from '../../../access/roles'
import { activeOffenseModel } from '../offenseModel'
import { requestUser } from '../payload'
import { BODY_MAX, textLength, visibleText } from '../text'
import { loadModerationSettings } from '../settings'

/** How many n-grams the answer explains. */
const EXPLAIN_K = 5

/**
 * `POST /api/moderation/score` {text} → {score, holdAt, rejectAt, version, explain}: the active offence model's
 * score of a text, for the queue and for tuning thresholds. Moderators and admins only (403 for everyone else);
 * the text obeys the comment body's limits (1–5000 visible characters).
 */
export const scoreTextEndpoint: Endpoint = {
  path: '/moderation/score',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(requestUser(req), MODERATION_ROLES)) {
      throw new APIError('Only moderators and admins may score texts.', 403, { code: 'moderation.score.forbidden' }, true)
    }
    await addDataAndFileToRequest(req)
    const text = (req.data as { text?: unknown } | undefined)?.text
    if (typeof text !== 'string' || visibleText(text) === '') {
      throw new APIError('text: a non-empty string is required.', 400, { code: 'moderation.score.text_required' }, true)
    }
    if (textLength(text) > BODY_MAX) {
      throw new APIError(`text: at most ${BODY_MAX} characters.`, 400, { code: 'moderation.score.text_too_long', max: BODY_MAX }, true)
    }
    const settings = await loadModerationSettings(req)
    const active = settings.offense?.model ?? (await activeOffenseModel(req, settings.activeOffenseModel))
    const holdAt = settings.offense?.holdAt ?? settings.offenseHoldAt ?? active.model.holdAt
    const score = Math.round(active.model.score(text) * 1000) / 1000
    return Response.json({
      score,
      holdAt,
      rejectAt: settings.offense?.rejectAt ?? null,
      scoring: settings.offenseScoring,
      version: active.version,
      explain: active.model.explain(text, EXPLAIN_K),
    })
  },
}
