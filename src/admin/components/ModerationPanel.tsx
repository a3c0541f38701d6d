'use client'
import { toast, useAuth, useConfig, useDocumentInfo, useField } from '@payloadcms/ui'
import Link from 'next/link'
import { stringify } from 'qs-esm'
import React, { useCallback, useEffect, useState } from 'react'

import { EDITORIAL_ROLES, MODERATION_ROLES, hasRole } from '../../../access/roles'
import { highlightSegments, reasonCodes, type ReasonLike } from '../highlight'
import { useNewsroomText } from './useNewsroomText'

interface CommentDoc {
  id: number | string
  body?: string
  status?: string
  authorName?: string | null
  createdAt?: string
  parent?: number | string | { id: number | string } | null
  article?: { id: number | string; title?: string } | number | string | null
  moderation?: { reasons?: (ReasonLike & { detail?: string | null })[]; decidedBy?: string | null; decidedAt?: string | null } | null
  reports?: { reason?: string | null; note?: string | null; at?: string | null }[] | null
  reportCount?: number | null
}

const idOf = (value: CommentDoc['parent'] | CommentDoc['article']) => (value && typeof value === 'object' ? value.id : (value ?? undefined))

const DECISIONS = [
  { status: 'approved', label: 'admin.action.approve', className: 'newsroom-btn newsroom-btn--approve' },
  { status: 'rejected', label: 'admin.action.reject', className: 'newsroom-btn newsroom-btn--reject' },
  { status: 'spam', label: 'admin.action.spam', className: 'newsroom-btn newsroom-btn--spam' },
] as const

/** Body text with matched terms marked. */
export const HighlightedBody: React.FC<{ body: string; reasons?: ReasonLike[] | null; nt: (key: string) => string }> = ({ body, reasons, nt }) => (
  <span className="newsroom-excerpt">
    {highlightSegments(body, reasons).map((segment, index) =>
      segment.code ? (
        <mark key={index} className="newsroom-mark" data-reason={segment.code} title={nt(`reason.${segment.code}`)}>
          {segment.text}
        </mark>
      ) : (
        <React.Fragment key={index}>{segment.text}</React.Fragment>
      ),
    )}
  </span>
)

/**
 * Sidebar of a comment: Approve / Reject / Spam in one click (the server records who decided and when), why it
 * was held with the matched terms marked, the reports, the article and the thread.
 */
export const ModerationPanel: React.FC = () => {
  const { config } = useConfig()
  const { id } = useDocumentInfo()
  const { nt } = useNewsroomText()
  const { user } = useAuth()
  // moderators do not edit articles (the collection is hidden from them): show the title without a link
  const canOpenArticles = hasRole(user as never, [...EDITORIAL_ROLES, 'author'])
  const mayDecide = hasRole(user as never, MODERATION_ROLES)
  const statusField = useField<string>({ path: 'status' })
  const reportCountField = useField<number>({ path: 'reportCount' })
  const [doc, setDoc] = useState<CommentDoc | null>(null)
  const [thread, setThread] = useState<CommentDoc[]>([])
  const [busy, setBusy] = useState(false)
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const admin = config.routes.admin

  const load = useCallback(async () => {
    if (id === undefined || id === null) return
    const response = await fetch(`${api}/comments/${id}?depth=1`, { credentials: 'include' })
    if (!response.ok) return
    const loaded = (await response.json()) as CommentDoc
    setDoc(loaded)
    const root = idOf(loaded.parent) ?? loaded.id
    const where = { or: [{ id: { equals: root } }, { parent: { equals: root } }] }
    const threadResponse = await fetch(`${api}/comments?${stringify({ where, depth: 0, limit: 20, sort: 'createdAt' })}`, { credentials: 'include' })
    if (threadResponse.ok) setThread(((await threadResponse.json()).docs ?? []) as CommentDoc[])
  }, [api, id])

  useEffect(() => {
    void load()
  }, [load])

  if (id === undefined || id === null) return null

  /** A status, or `keep`: an approved comment stays, and its open reports are dismissed (reportCount 0). */
  const decide = async (status: string) => {
    setBusy(true)
    try {
      const response = await fetch(`${api}/comments/${id}?depth=1`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(status === 'keep' ? { reportCount: 0 } : { status }),
      })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) {
        toast.error(body.errors?.[0]?.message ?? nt('admin.action.failed'))
        return
      }
      // keep the form in step without marking it modified (a decision settles the open reports), so that a later
      // Save of the form does not write the old values back
      reportCountField.setValue(0, true)
      if (status === 'keep') {
        toast.success(nt('admin.action.kept'))
      } else {
        statusField.setValue(status, true)
        toast.success(`${nt('admin.action.done')}: ${nt(`option.comments.status.${status}`)}`)
      }
      await load()
    } catch {
      toast.error(nt('admin.action.failed'))
    } finally {
      setBusy(false)
    }
  }

  const deciderName = (decidedBy: string | null | undefined) => {
    if (!decidedBy) return ''
    if (decidedBy === 'system') return nt('admin.action.system')
    if (user && String(user.id) === decidedBy) return `${nt('admin.action.you')} (${(user as { email?: string }).email ?? `#${decidedBy}`})`
    return `#${decidedBy}`
  }
  const status = doc?.status ?? statusField.value
  const openReports = doc?.reportCount ?? 0
  const allReports = (doc?.reports ?? []).length
  const reasons = doc?.moderation?.reasons ?? []
  const article = doc?.article && typeof doc.article === 'object' ? doc.article : null

  return (
    <div className="newsroom-panel newsroom-moderation" data-status={status}>
      <div className="newsroom-panel__row">
        <strong>{nt('admin.comment.status')}:</strong>{' '}
        <span className={`newsroom-status newsroom-status--${status}`} data-testid="comment-status">
          {status ? nt(`option.comments.status.${status}`) : ''}
        </span>
        {doc?.moderation?.decidedAt ? (
          <div className="newsroom-panel__muted">
            {nt('admin.action.decidedBy')} {deciderName(doc.moderation.decidedBy)} · {new Date(doc.moderation.decidedAt).toLocaleString()}
          </div>
        ) : null}
      </div>
      {mayDecide ? (
        <div className="newsroom-panel__actions">
          {DECISIONS.map((decision) => (
            <button
              key={decision.status}
              type="button"
              disabled={busy || status === decision.status}
              data-decision={decision.status}
              className={decision.className}
              onClick={() => void decide(decision.status)}
            >
              {nt(decision.label)}
            </button>
          ))}
          {status === 'approved' && openReports > 0 ? (
            <button type="button" disabled={busy} data-decision="keep" className="newsroom-btn newsroom-btn--approve" onClick={() => void decide('keep')}>
              {nt('admin.action.keep')}
            </button>
          ) : null}
        </div>
      ) : null}

      <h4>{nt('admin.comment.why')}</h4>
      {reasons.length === 0 ? (
        <p className="newsroom-panel__muted">{nt('admin.comment.noReasons')}</p>
      ) : (
        <>
          {doc?.body ? (
            <p className="newsroom-panel__body">
              <HighlightedBody body={doc.body} reasons={reasons} nt={nt} />
            </p>
          ) : null}
          <ul className="newsroom-panel__list" data-testid="comment-reasons">
            {reasonCodes(reasons).map((code) => {
              const matched = reasons.filter((r) => r.code === code)
              const terms = [...new Set(matched.map((r) => r.term).filter(Boolean))]
              const details = [...new Set(matched.map((r) => r.detail).filter(Boolean))]
              return (
                <li key={code} data-reason={code}>
                  {nt(`reason.${code}`)}
                  {terms.length ? `: ${terms.join(', ')}` : ''}
                  {details.length ? <span className="newsroom-panel__muted"> ({details.join('; ')})</span> : null}
                </li>
              )
            })}
          </ul>
        </>
      )}

      <h4>{nt('admin.comment.reports')}</h4>
      {allReports > 0 ? (
        <p className="newsroom-panel__muted" data-testid="comment-open-reports">
          {nt('admin.comment.reportsOpen').replace('{open}', String(openReports)).replace('{all}', String(allReports))}
        </p>
      ) : null}
      {allReports === 0 ? (
        <p className="newsroom-panel__muted">{nt('admin.comment.noReports')}</p>
      ) : (
        <ul className="newsroom-panel__list">
          {(doc?.reports ?? []).map((report, index) => (
            <li key={index}>
              {report.reason ? nt(`option.comments.reports.reason.${report.reason}`) : ''}
              {report.note ? `: ${report.note}` : ''}
              {report.at ? <span className="newsroom-panel__muted"> · {new Date(report.at).toLocaleString()}</span> : null}
            </li>
          ))}
        </ul>
      )}

      <h4>{nt('admin.comment.article')}</h4>
      {article ? (
        <p data-testid="comment-article">
          {canOpenArticles ? (
            <Link href={`${admin}/collections/articles/${article.id}`}>{article.title ?? `#${article.id}`}</Link>
          ) : (
            (article.title ?? `#${article.id}`)
          )}
        </p>
      ) : (
        <p className="newsroom-panel__muted">#{String(idOf(doc?.article ?? null) ?? '')}</p>
      )}

      <h4>{nt('admin.comment.thread')}</h4>
      {thread.filter((c) => c.id !== doc?.id).length === 0 ? (
        <p className="newsroom-panel__muted">{nt('admin.comment.noThread')}</p>
      ) : (
        <ol className="newsroom-thread">
          {thread.map((comment) => (
            <li key={comment.id} className={comment.id === doc?.id ? 'newsroom-thread__current' : undefined}>
              <span className="newsroom-panel__muted">
                {comment.authorName ?? '—'} · {comment.status ? nt(`option.comments.status.${comment.status}`) : ''}
              </span>
              <div>
                {comment.id === doc?.id ? (
                  <em>{nt('admin.comment.current')}</em>
                ) : (
                  <Link href={`${admin}/collections/comments/${comment.id}`}>{(comment.body ?? '').slice(0, 120)}</Link>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
