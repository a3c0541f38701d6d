/**
 * The typed boundary between the comments room and Payload: who the request's user is, the KV store the flood
 * rule counts in, and the comment documents as `payload-types` defines them. Everything in src/comments reads
 * Payload's request through these instead of casting.
 */
import type { KVAdapter, Payload, PayloadRequest } from 'payload'

import type { Comment, User } from '../payload-types'

export type { Comment }
export type CommentId = Comment['id'] | string

/**
 * The request's user as the comments room reads it. A host's own auth collection (`usersCollection`) may lack
 * our fields, so everything but `id` is optional.
 */
export interface RequestUser {
  id: User['id'] | string
  collection?: string
  email?: string | null
  roles?: unknown
  displayName?: string | null
}

/** The logged-in caller of a request, or null for guests. */
export const requestUser = (req: Pick<PayloadRequest, 'user'>): RequestUser | null => (req.user as RequestUser | null) ?? null

/** The user a comment is written as: a user of the admin's users collection (not, say, a site's API key). */
export const commentingUser = (req: PayloadRequest): RequestUser | null => {
  const user = requestUser(req)
  // authorUser points to the admin's user collection (the plugin's `users`, or the host's via usersCollection).
  const usersSlug = req.payload.config.admin?.user ?? 'users'
  return user && (!user.collection || user.collection === usersSlug) ? user : null
}

/** The id of a relationship value, whether populated (`{ id }`) or not. */
export const idOf = (value: unknown): number | string | undefined => {
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: number | string }).id
  return typeof value === 'number' || typeof value === 'string' ? value : undefined
}

/** What the Redis KV adapter exposes beyond Payload's KVAdapter: its client and key prefix (for atomic counters). */
export interface RedisKVExtras {
  redisClient?: { multi(): RedisMulti }
  keyPrefix?: string
}

/** The part of an ioredis MULTI the flood counter uses. */
interface RedisMulti {
  incr(key: string): RedisMulti
  pexpire(key: string, ms: number): RedisMulti
  exec(): Promise<Array<[Error | null, unknown]> | null>
}

/** What the flood rule needs of Payload's KV store, with the Redis adapter's extras when that is the store in use. */
export type FloodStore = Pick<KVAdapter, 'get' | 'set' | 'delete' | 'keys'> & RedisKVExtras

/** The KV store the flood rule counts in (`payload.kv`). */
export const kvStore = (payload: Payload): FloodStore => payload.kv as FloodStore

export { storedIdOf } from '../http/ids'
