import type { Payload, TypedUser } from 'payload'
import Link from 'next/link'
import React from 'react'

import { EDITORIAL_ROLES, MODERATION_ROLES, hasRole } from '../../../access/roles'
import { rightsWindowEnd } from '../../attribution/media'
import { text } from '../../i18n'

interface DashboardProps {
  payload: Payload
  user?: TypedUser | null
  i18n?: { language?: string }
}

const DAY_MS = 24 * 60 * 60 * 1000

/** For moderators: how many comments wait for a decision (pending, and approved but reported). */
export const ModerationQueueSize = async ({ payload, user, i18n }: DashboardProps) => {
  if (!hasRole(user as never, MODERATION_ROLES)) return null
  const nt = (key: string) => text(i18n?.language, key)
  const [pending, reported] = await Promise.all([
    payload.count({ collection: 'comments' as never, where: { status: { equals: 'pending' } }, overrideAccess: true }),
    payload.count({
      collection: 'comments' as never,
      where: { and: [{ status: { equals: 'approved' } }, { reportCount: { greater_than: 0 } }] },
      overrideAccess: true,
    }),
  ])
  const total = pending.totalDocs + reported.totalDocs
  const admin = payload.config.routes.admin
  return (
    <section className="newsroom-dashboard-card" data-testid="queue-size">
      <h3>{nt('admin.queue.title')}</h3>
      <p className="newsroom-dashboard-card__figure">
        <strong data-testid="queue-size-count">{total}</strong> {nt('admin.queue.count')}
      </p>
      <p className="newsroom-panel__muted">
        {nt('admin.queue.pending')}: {pending.totalDocs} · {nt('admin.queue.reported')}: {reported.totalDocs}
      </p>
      <Link href={`${admin}/collections/comments`}>{nt('admin.queue.open')} →</Link>
    </section>
  )
}

/** For editors: published republished/translated articles whose rights window ends within 7 days (or has ended). */
export const RightsWindows = async ({ payload, user, i18n }: DashboardProps) => {
  if (!hasRole(user as never, EDITORIAL_ROLES)) return null
  const nt = (key: string) => text(i18n?.language, key)
  const sources = await payload.find({
    collection: 'sources' as never,
    where: { rightsWindowDays: { exists: true } },
    depth: 0,
    limit: 500,
    pagination: false,
    overrideAccess: true,
  })
  const windows = new Map<string | number, number>()
  for (const source of sources.docs as Array<{ id: string | number; rightsWindowDays?: number | null }>) if (source.rightsWindowDays) windows.set(source.id, source.rightsWindowDays)
  const now = Date.now()
  const soon: { id: string | number; title: string; ends: Date }[] = []
  if (windows.size > 0) {
    const articles = await payload.find({
      collection: 'articles' as never,
      where: { and: [{ _status: { equals: 'published' } }, { origin: { not_equals: 'original' } }, { source: { in: [...windows.keys()] } }] },
      depth: 0,
      limit: 1000,
      pagination: false,
      overrideAccess: true,
      select: { title: true, origin: true, source: true, publishedAt: true } as never,
    })
    for (const article of articles.docs as Array<{ id: string | number; title: string; origin?: string | null; source?: number | string | null; publishedAt?: string | null }>) {
      const ends = rightsWindowEnd(article, { rightsWindowDays: article.source == null ? undefined : windows.get(article.source) })
      if (ends && ends.getTime() - now <= 7 * DAY_MS) soon.push({ id: article.id, title: article.title, ends })
    }
  }
  soon.sort((a, b) => a.ends.getTime() - b.ends.getTime())
  const admin = payload.config.routes.admin
  return (
    <section className="newsroom-dashboard-card" data-testid="rights-windows">
      <h3>{nt('admin.rights.title')}</h3>
      {soon.length === 0 ? (
        <p className="newsroom-panel__muted">{nt('admin.rights.empty')}</p>
      ) : (
        <ul>
          {soon.map((article) => (
            <li key={article.id}>
              <Link href={`${admin}/collections/articles/${article.id}`}>{article.title}</Link>{' '}
              <span className="newsroom-panel__muted">
                {nt('admin.rights.ends')} {article.ends.toISOString().slice(0, 10)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
