import type { TaskConfig } from 'payload'

import { deliverAttempt } from '../webhooks/deliver'
import { DELIVER_WEBHOOK_TASK } from '../webhooks/slugs'

/**
 * One attempt of one webhook delivery. The task itself never retries: a failed attempt queues the next one with
 * the webhook schedule's wait (src/webhooks/schedule.ts), which Payload's retry backoff cannot express.
 */
export const deliverWebhookTask: TaskConfig<{ input: { deliveryId: string; attempt: number }; output: { outcome: string } }> = {
  slug: DELIVER_WEBHOOK_TASK,
  label: 'Send a signed webhook',
  retries: 0,
  inputSchema: [
    { name: 'deliveryId', type: 'text', required: true },
    { name: 'attempt', type: 'number', required: true },
  ],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  handler: async ({ input, req }) => ({ output: { outcome: await deliverAttempt(req.payload, input.deliveryId, input.attempt) } }),
}
