import type { TaskConfig } from 'payload'

import { RETRAIN_OFFENSE_TASK } from '../comments/offenseConstants'
import { retrainOffenseModel } from '../comments/retrain'

/**
 * Retrains the site's offence model from the shipped data plus its moderators' decisions, stores the version and
 * makes it active (src/comments/retrain.ts). Queued after every `retrainAfterDecisions` decisions and by an admin's
 * `POST /api/moderation-models/retrain`; it runs with the job queue and trains in a worker thread, never inside a request.
 */
export const retrainOffenseModelTask: TaskConfig<{
  input: { reason?: string }
  output: { modelId: string; version: number; siteExamples: number; accuracy: number | null }
}> = {
  slug: RETRAIN_OFFENSE_TASK,
  label: 'Retrain the offence model from the moderators’ decisions',
  inputSchema: [{ name: 'reason', type: 'text' }],
  outputSchema: [
    { name: 'modelId', type: 'text' },
    { name: 'version', type: 'number' },
    { name: 'siteExamples', type: 'number' },
    { name: 'accuracy', type: 'number' },
  ],
  retries: 1,
  handler: async ({ req }) => {
    const outcome = await retrainOffenseModel(req)
    return { output: { modelId: outcome.id, version: outcome.version, siteExamples: outcome.siteExamples, accuracy: outcome.accuracy } }
  },
}
