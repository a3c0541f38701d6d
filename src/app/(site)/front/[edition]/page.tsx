import { notFound } from 'next/navigation'
import React from 'react'

import { listArticles } from '../../../../site/api'
import { cacheTags } from '../../../../site/cacheTags'
import { ArticleList } from '../../../../site/components/ArticleList'
import { loadSite, sectionName } from '../../../../site/settings'

/** Rendered on a reader's first request, then served from the full-route cache until a tag it shows is revalidated. */
export const generateStaticParams = () => []

/**
 * The front page (`/`, rewritten here by next.config.mjs so that it is rendered on demand, never at build time
 * when no CMS answers): the latest articles, then one block per navigation section.
 */
export default async function HomePage({ params }: { params: Promise<{ edition: string }> }) {
  if ((await params).edition !== 'latest') notFound()
  const site = await loadSite()
  const [latest, ...blocks] = await Promise.all([
    listArticles({ limit: 20 }),
    ...site.navigation.map((section) => listArticles({ where: { or: [{ section: { equals: section.id } }, { sections: { in: [section.id] } }] }, limit: 6, tags: [cacheTags.section(section.slug ?? '')] })),
  ])
  return (
    <>
      <section aria-labelledby="latest" className="block">
        <h1 id="latest">{site.words.latest}</h1>
        <ArticleList articles={latest.docs} withImages words={site.words} />
      </section>
      {site.navigation.map((section, index) =>
        blocks[index]?.docs.length ? (
          <section aria-labelledby={`section-${section.id}`} className="block" key={section.id}>
            <h2 id={`section-${section.id}`}>
              <a href={`/sections/${section.slug}`}>{sectionName(section, site.isChinese)}</a>
            </h2>
            <ArticleList articles={blocks[index].docs} words={site.words} />
          </section>
        ) : null,
      )}
    </>
  )
}
