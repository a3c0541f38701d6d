import type { TaskConfig } from 'payload'

import { deliverWebhookTask } from './deliverWebhook'
import { dispatchContentEvent } from '../outbox'
import { notifyModeratorsTask } from './notifyModerators'
import { releaseStalledJobsTask } from './releaseStalledJobs'
import { restampSourceArticles } from './restampSourceArticles'
import { retrainOffenseModelTask } from './retrainOffenseModel'
import { sweepFloodCounters } from './sweepFloodCounters'
import { sweepWebhookDeliveries } from './sweepWebhookDeliveries'
import { unpublishExpiredRights } from './unpublishExpiredRights'

/**
 * Every background task the plugin registers (Payload jobs). One file per task beside this one; list it here.
 * The host decides where jobs run: `npm run dev`/`npm start` auto-run the queues (see src/config.ts).
 */
export const newsroomTasks: TaskConfig<any>[] = [
  restampSourceArticles,
  unpublishExpiredRights,
  notifyModeratorsTask,
  sweepFloodCounters,
  deliverWebhookTask,
  sweepWebhookDeliveries,
  retrainOffenseModelTask,
  dispatchContentEvent,
  releaseStalledJobsTask,
]

/** Queues the plugin's jobs use; the host app auto-runs each. */
export const NEWSROOM_QUEUES = ['default', 'newsroom'] as const

/** Webhook deliveries: run every 2 seconds (and by the outbox job right after it queued deliveries, see src/outbox). */
export const WEBHOOKS_AUTORUN = { cron: '*/2 * * * * *', queue: 'webhooks', limit: 20 } as const
