import { APIError, type Endpoint } from 'payload'

import { hasRole } from '../../../access/roles'
import { queueRetrain, retrainWaiting } from '../learn'
import { requestUser } from '../payload'

/**
 * `POST /api/moderation-models/retrain`: an admin asks for a retrain now. Queues the `retrainOffenseModel` job
 * (202 with its id; 200 with `alreadyQueued` when one is waiting); the training runs with the job queue.
 */
export const retrainEndpoint: Endpoint = {
  path: '/retrain',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(requestUser(req), ['admin'])) {
      throw new APIError('Only admins may retrain the offence model.', 403, { code: 'moderation.retrain.forbidden' }, true)
    }
    if (await retrainWaiting(req)) return Response.json({ queued: false, alreadyQueued: true }, { status: 200 })
    const job = (await queueRetrain(req, 'admin')) as { id: number | string }
    return Response.json({ queued: true, jobId: String(job.id) }, { status: 202 })
  },
}
