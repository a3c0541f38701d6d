/**
 * The section and tag pages, shared by `/sections/<slug>` (page 1) and `/sections/<slug>/page/<n>` (where
 * next.config.mjs rewrites `?page=n`), same for tags: each variant is a page of the full-route cache of its own,
 * rendered on its first request and kept until a tag it shows is revalidated.
 */
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { getSectionBySlug, getTagBySlug, listArticles } from './api'
import { cacheTags } from './cacheTags'
import { ArticleList, Pager } from './components/ArticleList'
import { pageParam } from './format'
import { loadSite, sectionName } from './settings'

export type ListParams = { params: Promise<{ slug: string; page?: string }> }

export const sectionMetadata = async ({ params }: ListParams): Promise<Metadata> => {
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
export const SectionList = async ({ params }: ListParams) => {
  const { slug, page: pageText } = await params
  const page = pageParam(pageText)
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

export const tagMetadata = async ({ params }: ListParams): Promise<Metadata> => {
  const { slug } = await params
  const tag = await getTagBySlug(decodeURIComponent(slug))
  return tag ? { title: tag.name, alternates: { canonical: `/tags/${tag.slug}` } } : {}
}

/** A tag: its articles, newest first, paginated. */
export const TagList = async ({ params }: ListParams) => {
  const { slug, page: pageText } = await params
  const page = pageParam(pageText)
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
