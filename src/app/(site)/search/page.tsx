import type { Metadata } from 'next'
import React from 'react'

import { searchArticles } from '../../../site/api'
import { ArticleList, Pager } from '../../../site/components/ArticleList'
import { pageParam } from '../../../site/format'
import { loadSite } from '../../../site/settings'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const MAX_QUERY = 100

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await loadSite()).words.search, robots: 'noindex, follow' })

/** `/search?q=`: titles and excerpts containing the words (Chinese included). */
export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams
  const raw = Array.isArray(params.q) ? params.q[0] : params.q
  const q = (raw ?? '').trim().slice(0, MAX_QUERY)
  const page = pageParam(params.page)
  const site = await loadSite()
  const results = q ? await searchArticles(q, page) : null
  return (
    <section className="block">
      <h1>{site.words.search}</h1>
      <form action="/search" className="search big" method="get" role="search">
        <input aria-label={site.words.searchPlaceholder} defaultValue={q} name="q" type="search" />
        <button type="submit">{site.words.search}</button>
      </form>
      {results ? (
        <>
          <p>{site.words.searchResults(q, results.totalDocs)}</p>
          <ArticleList articles={results.docs} words={site.words} />
          <Pager base="/search" extra={`q=${encodeURIComponent(q)}&`} page={results.page} totalPages={results.totalPages} words={site.words} />
        </>
      ) : (
        <p>{site.words.searchEmpty}</p>
      )}
    </section>
  )
}
