'use client'
import { useConfig, useFormFields } from '@payloadcms/ui'
import React, { useEffect, useMemo, useState } from 'react'

import { computeArticleAttribution, isSyndicated } from '../../attribution/attribution'
import { checkPublishGate } from '../../attribution/gate'
import { licenseLabel } from '../../attribution/attribution'
import type { SourceLike } from '../../attribution/types'
import { useNewsroomText } from './useNewsroomText'

interface Props {
  siteUrl?: string
  siteName?: string
}

const ARTICLE_FIELDS = ['origin', 'source', 'originalUrl', 'originalAuthor', 'originalPublishedAt', 'slug', 'publishedAt', 'embargoedUntil', 'authors'] as const

const sourceIdOf = (value: unknown): number | string | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return ((value as any).value ?? (value as any).id ?? null) as number | string | null
  return value as number | string
}

/**
 * Sidebar preview of the attribution as the site will show it: credit line, original link, licence,
 * canonical URL and robots, computed live with the same pure functions the save hook uses, plus what still
 * blocks publishing, in the editor's language.
 */
export const AttributionPreview: React.FC<Props> = ({ siteUrl, siteName }) => {
  const { config } = useConfig()
  const { nt, language } = useNewsroomText()
  const values = useFormFields(([fields]) => {
    const out: Record<string, unknown> = {}
    for (const name of ARTICLE_FIELDS) out[name] = fields?.[name]?.value
    return JSON.stringify(out)
  })
  const article = useMemo(() => JSON.parse(values) as Record<(typeof ARTICLE_FIELDS)[number], any>, [values])
  const sourceId = sourceIdOf(article.source)
  const [source, setSource] = useState<SourceLike | null>(null)
  const [loading, setLoading] = useState(false)
  const api = `${config.serverURL ?? ''}${config.routes.api}`

  useEffect(() => {
    if (sourceId === null) {
      setSource(null)
      return
    }
    let cancelled = false
    setLoading(true)
    fetch(`${api}/sources/${sourceId}?depth=0`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : null))
      .then((doc) => {
        if (!cancelled) setSource(doc)
      })
      .catch(() => !cancelled && setSource(null))
      .finally(() => !cancelled && setLoading(false))
    return () => {
      cancelled = true
    }
  }, [api, sourceId])

  const site = {
    baseUrl: siteUrl || config.serverURL || (typeof window !== 'undefined' ? window.location.origin : 'http://localhost'),
    name: siteName || 'Newsroom',
  }
  const now = new Date()
  const preview = computeArticleAttribution(article, source, site as never, now)
  const failures = checkPublishGate(article, sourceId === null ? null : source, now)
  const syndicated = isSyndicated(article)
  const lang = language?.startsWith('zh') ? 'zh' : 'en'

  return (
    <div className="newsroom-panel newsroom-preview" data-testid="attribution-preview">
      <h4>{nt('admin.preview.title')}</h4>
      {!syndicated ? <p className="newsroom-panel__muted">{nt('admin.preview.original')}</p> : null}
      {loading ? <p className="newsroom-panel__muted">{nt('admin.preview.loading')}</p> : null}
      <p className="newsroom-preview__credit" data-testid="preview-credit">
        {preview.creditLine || '—'}
        {preview.originalUrl ? (
          <>
            {' · '}
            <a href={preview.originalUrl} target="_blank" rel="noreferrer noopener">
              {nt('admin.preview.originalLink')}
            </a>
          </>
        ) : null}
      </p>
      <dl className="newsroom-preview__facts">
        <dt>{nt('admin.preview.license')}</dt>
        <dd data-testid="preview-license">{licenseLabel(preview.license, lang) ?? '—'}</dd>
        {preview.copyrightNotice ? (
          <>
            <dt>{nt('admin.preview.copyright')}</dt>
            <dd>{preview.copyrightNotice}</dd>
          </>
        ) : null}
        <dt>{nt('admin.preview.canonical')}</dt>
        <dd className="newsroom-preview__url">{preview.canonicalUrl}</dd>
        <dt>{nt('admin.preview.robots')}</dt>
        <dd>{preview.robots}</dd>
      </dl>
      {failures.length > 0 ? (
        <div className="newsroom-preview__missing" data-testid="preview-missing">
          <strong>{nt('admin.preview.missing')}</strong>
          <ul>
            {failures.map((failure) => (
              <li key={`${failure.code}-${failure.field}`} data-code={failure.code}>
                {nt(`gate.${failure.code}`)}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="newsroom-preview__ready">{nt('admin.preview.ready')}</p>
      )}
    </div>
  )
}
