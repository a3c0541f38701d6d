'use client'
import { toast, useAuth, useConfig, useListQuery, useSelection } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { stringify } from 'qs-esm'
import React, { useCallback, useEffect, useState } from 'react'

import { MODERATION_ROLES, hasRole } from '../../../access/roles'
import { QUEUE_FILTERS, type FilterName } from '../queue'
import { useNewsroomText } from './useNewsroomText'

const FILTER_LABELS: Record<FilterName, string> = {
  needs: 'admin.queue.title',
  riskiest: 'admin.queue.riskiest',
  pending: 'option.comments.status.pending',
  reported: 'admin.queue.reported',
  approved: 'option.comments.status.approved',
  rejected: 'option.comments.status.rejected',
  spam: 'option.comments.status.spam',
  all: 'admin.queue.all',
}

/** Same shape whether the where came from code (numbers) or from the URL (strings). */
const signature = (where: unknown) => JSON.stringify(where ?? null, (_key, value) => (typeof value === 'number' ? String(value) : value))

const DECISIONS = [
  { status: 'approved', label: 'admin.action.approve', className: 'newsroom-btn newsroom-btn--approve' },
  { status: 'rejected', label: 'admin.action.reject', className: 'newsroom-btn newsroom-btn--reject' },
  { status: 'spam', label: 'admin.action.spam', className: 'newsroom-btn newsroom-btn--spam' },
] as const

/** Above the comments table: quick filters with counts, and approve / reject / spam for the selected rows. */
export const QueueFilters: React.FC = () => {
  const { config } = useConfig()
  const { nt } = useNewsroomText()
  const { query, refineListData } = useListQuery()
  const { count, getQueryParams } = useSelection()
  const { user } = useAuth()
  // editors may read the comments; only moderators and admins decide
  const mayDecide = hasRole(user as never, MODERATION_ROLES)
  const router = useRouter()
  const [counts, setCounts] = useState<Partial<Record<FilterName, number>>>({})
  const [busy, setBusy] = useState(false)
  const api = `${config.serverURL ?? ''}${config.routes.api}`


  const loadCounts = useCallback(async () => {
    const entries = await Promise.all(
      (['needs', 'pending', 'reported'] as const).map(async (name) => {
        try {
          const response = await fetch(`${api}/comments?${stringify({ where: QUEUE_FILTERS[name].where, limit: 1, depth: 0 })}`, { credentials: 'include' })
          const body = await response.json()
          return [name, Number(body.totalDocs ?? 0)] as const
        } catch {
          return [name, undefined] as const
        }
      }),
    )
    setCounts(Object.fromEntries(entries))
  }, [api])

  useEffect(() => {
    void loadCounts()
  }, [loadCounts, query])

  const active = (Object.keys(QUEUE_FILTERS) as FilterName[]).find((name) => signature(QUEUE_FILTERS[name].where) === signature(query?.where))

  const decide = async (status: string) => {
    setBusy(true)
    try {
      const response = await fetch(`${api}/comments${getQueryParams()}`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        // A decision settles the open reports, also of a reported comment approved again (its status stays the same)
        body: JSON.stringify({ status, reportCount: 0 }),
      })
      const body = await response.json().catch(() => ({}))
      if (!response.ok || (Array.isArray(body.errors) && body.errors.length > 0)) {
        toast.error(body.errors?.[0]?.message ?? nt('admin.action.failed'))
      } else {
        toast.success(`${nt('admin.action.done')}: ${body.docs?.length ?? count}`)
      }
    } catch {
      toast.error(nt('admin.action.failed'))
    } finally {
      setBusy(false)
      router.refresh()
      void loadCounts()
    }
  }

  return (
    <div className="newsroom-queue">
      <div className="newsroom-queue__filters" role="tablist">
        {(Object.keys(QUEUE_FILTERS) as FilterName[]).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={active === name}
            data-filter={name}
            className={`newsroom-chip${active === name ? ' newsroom-chip--active' : ''}`}
            onClick={() => void refineListData({ where: QUEUE_FILTERS[name].where, sort: QUEUE_FILTERS[name].sort ?? '-createdAt' })}
          >
            {nt(FILTER_LABELS[name])}
            {counts[name as 'needs'] !== undefined ? <span className="newsroom-chip__count">{counts[name as 'needs']}</span> : null}
          </button>
        ))}
      </div>
      {count > 0 && mayDecide ? (
        <div className="newsroom-queue__bulk" data-selected={count}>
          <span>
            {count} {nt('admin.action.selected')}
          </span>
          {DECISIONS.map((decision) => (
            <button
              key={decision.status}
              type="button"
              disabled={busy}
              data-bulk={decision.status}
              className={decision.className}
              onClick={() => void decide(decision.status)}
            >
              {nt(decision.label)}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  )
}
