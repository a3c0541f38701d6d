import type { TaskConfig } from 'payload'

import { sweepStaleEntries } from '../comments/flood'
import { databaseFloodSweep } from '../comments/floodDatabase'
import { kvStore } from '../comments/payload'

/**
 * Every ten minutes: removes the comment flood counters of past minutes from Payload's KV store when it is the
 * database's (one entry per reader identity would otherwise stay forever). Nothing to do on Redis, where the
 * counters expire.
 */
export const sweepFloodCounters: TaskConfig<{ input: Record<string, never>; output: { swept: number } }> = {
  slug: 'sweepFloodCounters',
  label: 'Remove past minutes’ comment flood counters',
  inputSchema: [],
  outputSchema: [{ name: 'swept', type: 'number' }],
  schedule: [{ cron: '*/10 * * * *', queue: 'newsroom' }],
  handler: async ({ req }) => ({
    output: { swept: await sweepStaleEntries(kvStore(req.payload), Date.now(), databaseFloodSweep(req.payload)) },
  }),
}
