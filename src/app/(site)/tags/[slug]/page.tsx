import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { getTagBySlug, listArticles } from '../../../../site/api'
import { cacheTags } from '../../../../site/cacheTags'
import { ArticleList, Pager } from '../../../../site/components/ArticleList'
import { pageParam } from '../../../../site/format'
import { loadSite } from '../../../../site/settings'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const { slug } = await params
  const tag = await getTagBySlug(decodeURIComponent(slug))
  return tag ? { title: tag.name, alternates: { canonical: `/tags/${tag.slug}` } } : {}
}

/** A tag: its articles, newest first, paginated. */
export default async function TagPage({ params, searchParams }: Props) {
  const { slug } = await params
  const page = pageParam((await searchParams).page)
  const tag = await getTagBySlug(decodeURIComponent(slug))
  if (!tag) notFound()
  const site = await loadSite()
  const articles = await listArticles({ where: { tags: { in: [tag.id] } }, page, tags: [cacheTags.tag(tag.slug ?? '')] })
  return (
    <section className="block">
      <h1>
        {site.words.tag}: {tag.name}
      </h1>
      <ArticleList articles={articles.docs} withImages words={site.words} />
      <Pager base={`/tags/${tag.slug}`} page={articles.page} totalPages={articles.totalPages} words={site.words} />
    </section>
  )
}
