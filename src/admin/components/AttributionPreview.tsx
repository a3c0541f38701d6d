'use client'
import React from 'react'

import { computeArticleAttribution, isSyndicated, licenseLabel } from '../../attribution/attribution'
import { useAttributionCheck } from './useAttributionCheck'
import { GateFailureList } from './GateFailureList'
import { useNewsroomText } from './useNewsroomText'

interface Props {
  siteUrl?: string
  siteName?: string
}

/**
 * Sidebar preview of the attribution as the site will show it: credit line, original link, licence,
 * canonical URL and robots, computed live with the same pure functions the save hook uses, plus what still
 * blocks publishing, in the editor's language.
 */
export const AttributionPreview: React.FC<Props> = ({ siteUrl, siteName }) => {
  const { nt, language } = useNewsroomText()
  const { article, source, loading, failures, serverURL } = useAttributionCheck()
  const site = {
    baseUrl: siteUrl || serverURL || (typeof window !== 'undefined' ? window.location.origin : 'http://localhost'),
    name: siteName || 'Newsroom',
  }
  const preview = computeArticleAttribution(article, source, site as never, new Date())
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
          <GateFailureList failures={failures} nt={nt} />
        </div>
      ) : (
        <p className="newsroom-preview__ready">{nt('admin.preview.ready')}</p>
      )}
    </div>
  )
}
