import type { TaskConfig } from 'payload'

import { dispatchContentEvent } from '../outbox'
import { notifyModeratorsTask } from './notifyModerators'
import { restampSourceArticles } from './restampSourceArticles'
import { sweepFloodCounters } from './sweepFloodCounters'
import { unpublishExpiredRights } from './unpublishExpiredRights'

/**
 * Every background task the plugin registers (Payload jobs). One file per task beside this one; list it here.
 * The host decides where jobs run: `npm run dev`/`npm start` auto-run the queues (see src/config.ts).
 */
export const newsroomTasks: TaskConfig<any>[] = [restampSourceArticles, unpublishExpiredRights, notifyModeratorsTask, sweepFloodCounters, dispatchContentEvent]

/** Queues the plugin's jobs use; the host app auto-runs each. */
export const NEWSROOM_QUEUES = ['default', 'newsroom'] as const
