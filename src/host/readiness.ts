import type { Payload } from 'payload'

import { checkObjectStorage, type ObjectStorageSettings } from '../objectStorage'
import { checkHealth } from './health'

const READY_TIMEOUT_MS = 3000

export type EngineState = 'ok' | 'not configured' | string
export interface Readiness {
  status: 'ready' | 'unready' | 'draining'
  /** The engines that did not answer, by name. */
  failing: string[]
  database: EngineState
  redis: EngineState
  objectStorage: EngineState
}

type RedisLike = { ping: () => Promise<unknown> }
const redisOf = (payload: Payload) => (payload.kv as unknown as { redisClient?: RedisLike }).redisClient

const withinTimeout = async (check: () => Promise<unknown>): Promise<EngineState> => {
  let timer: NodeJS.Timeout | undefined
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS)
    })
    await Promise.race([check(), timeout])
    return 'ok'
  } catch (error) {
    const message = error instanceof Error ? error.message || error.name : String(error)
    return message.split('\n')[0].slice(0, 200) || 'unreachable'
  } finally {
    clearTimeout(timer)
  }
}

/** Whether every engine this instance uses answers: the database, Redis and object storage when configured. */
export const checkReadiness = async (payload: Payload, objectStorage?: ObjectStorageSettings): Promise<Readiness> => {
  const redis = redisOf(payload)
  const [database, redisState, storageState] = await Promise.all([
    checkHealth(payload).then((health) => (health.status === 'ok' ? 'ok' : health.db)),
    redis ? withinTimeout(() => redis.ping()) : Promise.resolve('not configured'),
    objectStorage ? withinTimeout(() => checkObjectStorage(objectStorage)) : Promise.resolve('not configured'),
  ])
  const states = { database, redis: redisState, objectStorage: storageState }
  const failing = Object.entries(states)
    .filter(([, state]) => state !== 'ok' && state !== 'not configured')
    .map(([name]) => name)
  return { status: failing.length ? 'unready' : 'ready', failing, ...states }
}
