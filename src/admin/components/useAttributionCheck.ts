'use client'
import { useConfig, useFormFields } from '@payloadcms/ui'
import { useEffect, useMemo, useState } from 'react'

import { checkPublishGate } from '../../attribution/gate'
import type { SourceLike } from '../../attribution/types'

export const ARTICLE_FIELDS = ['origin', 'source', 'originalUrl', 'originalAuthor', 'originalPublishedAt', 'slug', 'publishedAt', 'embargoedUntil', 'authors'] as const
export type ArticleValues = Record<(typeof ARTICLE_FIELDS)[number], any>

const sourceIdOf = (value: unknown): number | string | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') {
    const option = value as { value?: number | string | null; id?: number | string | null }
    return option.value ?? option.id ?? null
  }
  return value as number | string
}

/**
 * The article as the editor is filling it in, its Source (fetched over REST when picked) and what the publish
 * gate would refuse — the same pure rules the server runs (src/attribution/gate.ts), so the panel and the
 * publish button can tell the editor before the server does.
 */
export const useAttributionCheck = () => {
  const { config } = useConfig()
  const values = useFormFields(([fields]) => {
    const out: Record<string, unknown> = {}
    for (const name of ARTICLE_FIELDS) out[name] = fields?.[name]?.value
    return JSON.stringify(out)
  })
  const article = useMemo(() => JSON.parse(values) as ArticleValues, [values])
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

  const failures = checkPublishGate(article, sourceId === null ? null : source, new Date())
  return { article, source: sourceId === null ? null : source, loading, failures, serverURL: config.serverURL }
}
