import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import type { Article, Section, Tag } from '../../../../payload-types'
import { getArticleBySlug, getArticleJsonLd, getThread } from '../../../../site/api'
import { ArticleBody, bodyPhotos, Photo } from '../../../../site/components/ArticleBody'
import { Comments } from '../../../../site/components/Comments'
import { cmsPublicUrl, siteTimeZone } from '../../../../site/config'
import { formatDate, mediaOf, mediaUrl, safeHttpUrl } from '../../../../site/format'
import { loadSite, sectionName } from '../../../../site/settings'

type Params = { params: Promise<{ slug: string }> }

/**
 * No article is rendered at build time; each is rendered on its first request and then served from the full-route
 * cache (Redis when REDIS_URL is set) until one of the tags its fetches carry is revalidated by the outbox. A 404
 * (draft, embargoed, unpublished, unknown slug) is cached under the same `article:<slug>` tag, so publishing the
 * article revalidates it.
 */
export const generateStaticParams = () => []

const load = async (slug: string): Promise<Article> => {
  const article = await getArticleBySlug(decodeURIComponent(slug))
  if (!article) notFound()
  return article
}

/** "(组图)" after the title when the body has two or more photos. */
const displayTitle = (article: Article, photoSet: string) => (bodyPhotos(article.content).length >= 2 ? `${article.title}${photoSet}` : article.title)

export const generateMetadata = async ({ params }: Params): Promise<Metadata> => {
  const { slug } = await params
  const article = await getArticleBySlug(decodeURIComponent(slug))
  if (!article) return {}
  const site = await loadSite()
  const hero = mediaOf(article.heroImage)
  const image = mediaUrl(hero, 'og')
  const robots = article.attribution?.robots || 'index, follow'
  return {
    title: displayTitle(article, site.words.photoSet),
    description: article.excerpt ?? undefined,
    alternates: { canonical: article.attribution?.canonicalUrl || `/articles/${article.slug}` },
    robots,
    openGraph: {
      type: 'article',
      title: article.title,
      description: article.excerpt ?? undefined,
      url: article.attribution?.canonicalUrl || `/articles/${article.slug}`,
      siteName: site.name,
      locale: site.language.replace('-', '_'),
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.updatedAt,
      images: image ? [{ url: image, alt: hero?.alt }] : undefined,
    },
  }
}

export default async function ArticlePage({ params }: Params) {
  const { slug } = await params
  const article = await load(slug)
  const site = await loadSite()
  const { words } = site
  const [jsonld, thread] = await Promise.all([getArticleJsonLd(article).catch(() => null), getThread(article.id)])
  const title = displayTitle(article, words.photoSet)
  const photos = bodyPhotos(article.content)
  const hero = photos.length === 0 ? mediaOf(article.heroImage) : null
  const original = safeHttpUrl(article.attribution?.originalUrl)
  const section = article.section && typeof article.section === 'object' ? (article.section as Section) : null
  const tags = (article.tags ?? []).filter((tag): tag is Tag => Boolean(tag) && typeof tag === 'object')
  const closesAt = article.commentsCloseAt ? new Date(article.commentsCloseAt).getTime() : null
  const allowComments = article.allowComments !== false && (closesAt === null || closesAt > Date.now())
  const count = article.commentCount ?? 0
  return (
    <article className="article">
      {jsonld ? (
        // JSON-LD as the CMS builds it; "<" escaped so no string inside can close the script element.
        <script dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonld).replace(/</g, '\\u003c') }} type="application/ld+json" />
      ) : null}
      {section ? (
        <p className="breadcrumb">
          <a href={`/sections/${section.slug}`}>{sectionName(section, site.isChinese)}</a>
        </p>
      ) : null}
      <h1>{title}</h1>
      <p className="meta">
        <time dateTime={article.publishedAt ?? undefined}>{formatDate(article.publishedAt)}</time>
        {article.attribution?.creditLine ? <span className="credit">{article.attribution.creditLine}</span> : null}
        {original ? (
          <a className="original" href={original} rel="noopener">
            {words.original}
          </a>
        ) : null}
        <a className="count" href="#comments">
          {words.comments(count)}
        </a>
      </p>
      {hero ? <Photo caption={null} label={article.title} media={hero} /> : null}
      <ArticleBody content={article.content} photoLabel={(n) => words.photo(title, n)} />
      {tags.length ? (
        <p className="tags">
          {words.tag}:{' '}
          {tags.map((tag) => (
            <a href={`/tags/${tag.slug}`} key={tag.id}>
              {tag.name}
            </a>
          ))}
        </p>
      ) : null}
      {article.attribution?.copyrightNotice ? <p className="copyright">{article.attribution.copyrightNotice}</p> : null}
      <section aria-labelledby="comments-title" className="thread" id="comments">
        <h2 id="comments-title">
          {words.todayComments} <small className="disclaimer">{site.disclaimer}</small>
        </h2>
        <h3>{words.latestComments(count)}</h3>
        <Comments
          allowComments={allowComments}
          apiBase={cmsPublicUrl()}
          articleId={article.id}
          initial={{ docs: thread.docs as never, hasNextPage: thread.hasNextPage, page: thread.page }}
          language={site.language}
          timeZone={siteTimeZone()}
        />
      </section>
    </article>
  )
}
