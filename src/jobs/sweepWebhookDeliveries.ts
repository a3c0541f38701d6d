import type { TaskConfig } from 'payload'

import { SWEEP_WEBHOOK_DELIVERIES_TASK, WEBHOOK_DELIVERIES_SLUG } from '../webhooks/slugs'

/** Deliveries are kept this long for the admins to look into; older ones are deleted daily. */
export const DELIVERY_RETENTION_MS = 30 * 24 * 60 * 60 * 1000

/** Deletes webhook deliveries older than 30 days, in batches (no unbounded delete). */
export const sweepWebhookDeliveries: TaskConfig<{ input: Record<string, never>; output: { swept: number } }> = {
  slug: SWEEP_WEBHOOK_DELIVERIES_TASK,
  label: 'Remove webhook deliveries older than 30 days',
  inputSchema: [],
  outputSchema: [{ name: 'swept', type: 'number' }],
  schedule: [{ cron: '17 3 * * *', queue: 'newsroom' }],
  handler: async ({ req }) => {
    const cutoff = new Date(Date.now() - DELIVERY_RETENTION_MS).toISOString()
    let swept = 0
    for (;;) {
      const result = await req.payload.delete({
        collection: WEBHOOK_DELIVERIES_SLUG as never,
        where: { createdAt: { less_than: cutoff } },
        limit: 500,
        depth: 0,
        overrideAccess: true,
      } as never)
      const count = (result as any).docs?.length ?? 0
      swept += count
      if (count < 500) break
    }
    return { output: { swept } }
  },
}
