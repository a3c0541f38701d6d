import React from 'react'

import type { ListArticle } from '../api'
import { formatDate, mediaOf, mediaUrl } from '../format'
import type { SiteWords } from '../words'

/** A list of articles: title, date, credit line and comment count (the article's own count: one request per list). */
export const ArticleList = ({ articles, words, withImages = false }: { articles: ListArticle[]; words: SiteWords; withImages?: boolean }) => (
  <ul className="article-list">
    {articles.map((article) => {
      const image = withImages ? mediaOf(article.heroImage) : null
      const src = mediaUrl(image, 'card')
      return (
        <li key={article.id}>
          {src ? <img alt={image?.alt ?? ''} className="thumb" height={96} loading="lazy" src={src} width={144} /> : null}
          <div>
            <a className="title" href={`/articles/${article.slug}`}>
              {article.title}
            </a>
            <p className="meta">
              <time dateTime={article.publishedAt ?? undefined}>{formatDate(article.publishedAt)}</time>
              {article.attribution?.creditLine ? <span className="credit">{article.attribution.creditLine}</span> : null}
              <a className="count" href={`/articles/${article.slug}#comments`}>
                {words.comments(article.commentCount ?? 0)}
              </a>
            </p>
          </div>
        </li>
      )
    })}
  </ul>
)

/** Previous / next links of a paginated list. */
export const Pager = ({ base, page, totalPages, words, extra = '' }: { base: string; page: number; totalPages: number; words: SiteWords; extra?: string }) =>
  totalPages > 1 ? (
    <nav aria-label={words.page(page, totalPages)} className="pager">
      {page > 1 ? <a href={`${base}?${extra}page=${page - 1}`}>{words.previous}</a> : null}
      <span>{words.page(page, totalPages)}</span>
      {page < totalPages ? <a href={`${base}?${extra}page=${page + 1}`}>{words.next}</a> : null}
    </nav>
  ) : null
