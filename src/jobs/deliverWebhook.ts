import type { TaskConfig } from 'payload'

import { deliverAttempt } from '../webhooks/deliver'
import { DELIVER_WEBHOOK_TASK } from '../webhooks/slugs'

/**
 * One attempt of one webhook delivery. The task itself never retries: a failed attempt queues the next one with
 * the webhook schedule's wait (src/webhooks/schedule.ts), which Payload's retry backoff cannot express.
 */
export const deliverWebhookTask: TaskConfig<{ input: { deliveryId?: string; deliveryIds?: string[]; attempt: number }; output: { outcome: string } }> = {
  slug: DELIVER_WEBHOOK_TASK,
  label: 'Send a signed webhook',
  retries: 0,
  inputSchema: [
    // One delivery (retries, resend, test event) or the first attempts of all deliveries of one event.
    { name: 'deliveryId', type: 'text' },
    { name: 'deliveryIds', type: 'json' },
    { name: 'attempt', type: 'number', required: true },
  ],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  handler: async ({ input, req }) => {
    const ids = Array.isArray(input.deliveryIds) ? input.deliveryIds : input.deliveryId ? [input.deliveryId] : []
    const outcomes = await Promise.allSettled(ids.map((id) => deliverAttempt(req.payload, id, input.attempt)))
    const failed = outcomes.find((outcome) => outcome.status === 'rejected')
    if (failed) throw (failed as PromiseRejectedResult).reason
    return { output: { outcome: outcomes.map((outcome) => (outcome as PromiseFulfilledResult<string>).value).join(',') } }
  },
}
