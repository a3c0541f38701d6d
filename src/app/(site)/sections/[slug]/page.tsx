import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { getSectionBySlug, listArticles } from '../../../../site/api'
import { cacheTags } from '../../../../site/cacheTags'
import { ArticleList, Pager } from '../../../../site/components/ArticleList'
import { pageParam } from '../../../../site/format'
import { loadSite, sectionName } from '../../../../site/settings'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const { slug } = await params
  const section = await getSectionBySlug(decodeURIComponent(slug))
  if (!section) return {}
  const site = await loadSite()
  return {
    title: sectionName(section, site.isChinese),
    description: section.description ?? undefined,
    alternates: { canonical: `/sections/${section.slug}`, types: { 'application/rss+xml': `/sections/${section.slug}/feed.xml` } },
  }
}

/** A section: its articles (primary or additional section), newest first, paginated. */
export default async function SectionPage({ params, searchParams }: Props) {
  const { slug } = await params
  const page = pageParam((await searchParams).page)
  const section = await getSectionBySlug(decodeURIComponent(slug))
  if (!section) notFound()
  const site = await loadSite()
  const articles = await listArticles({
    where: { or: [{ section: { equals: section.id } }, { sections: { in: [section.id] } }] },
    page,
    tags: [cacheTags.section(section.slug ?? '')],
  })
  return (
    <section className="block">
      <h1>{sectionName(section, site.isChinese)}</h1>
      {section.description ? <p className="lead">{section.description}</p> : null}
      <ArticleList articles={articles.docs} withImages words={site.words} />
      <Pager base={`/sections/${section.slug}`} page={articles.page} totalPages={articles.totalPages} words={site.words} />
    </section>
  )
}
