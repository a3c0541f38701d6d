import type { Payload } from 'payload'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { stringify } from 'qs-esm'

import { QUEUE_FILTERS } from '../queue'

interface Props {
  payload: Payload
  collectionSlug?: string
  searchParams?: Record<string, unknown>
}

/**
 * Before the comments list (server): a visit without a filter or search is sent to the moderation queue
 * (pending, then reported), so moderators land on what needs a decision. Lists rendered in a drawer (a server
 * function call, e.g. picking a comment for a relationship) are left alone.
 */
export const QueueDefault = async ({ payload, collectionSlug = 'comments', searchParams }: Props) => {
  if ((await headers()).get('next-action')) return null
  const keys = Object.keys(searchParams ?? {})
  if (keys.some((key) => key === 'where' || key.startsWith('where[') || key === 'search')) return null
  const query = stringify({ where: QUEUE_FILTERS.needs.where, sort: QUEUE_FILTERS.needs.sort, page: 1 })
  redirect(`${payload.config.routes.admin}/collections/${collectionSlug}?${query}`)
}
