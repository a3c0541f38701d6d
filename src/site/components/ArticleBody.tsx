import React from 'react'

import type { Media } from '../../payload-types'
import { mediaOf, mediaUrl, safeHttpUrl } from '../format'

type LexicalNode = {
  type?: string
  tag?: string
  listType?: string
  text?: string
  format?: number | string
  url?: string
  fields?: { url?: string; newTab?: boolean; caption?: string | null; linkType?: string }
  value?: unknown
  relationTo?: string
  children?: LexicalNode[]
}

/** The photos of a body in reading order, as the CMS stamps their credits (the uploads populated at depth ≥ 1). */
export const bodyPhotos = (content: unknown): { media: Media | null; caption: string | null }[] => {
  const photos: { media: Media | null; caption: string | null }[] = []
  const walk = (node: LexicalNode | undefined) => {
    if (!node) return
    if (node.type === 'upload' && (node.relationTo ?? 'media') === 'media') photos.push({ media: mediaOf(node.value), caption: node.fields?.caption ?? null })
    node.children?.forEach(walk)
  }
  walk((content as { root?: LexicalNode } | null)?.root)
  return photos
}

const TEXT_FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16 }

const renderText = (node: LexicalNode, key: number) => {
  let element: React.ReactNode = node.text ?? ''
  const format = typeof node.format === 'number' ? node.format : 0
  if (format & TEXT_FORMAT.code) element = <code>{element}</code>
  if (format & TEXT_FORMAT.bold) element = <strong>{element}</strong>
  if (format & TEXT_FORMAT.italic) element = <em>{element}</em>
  if (format & TEXT_FORMAT.underline) element = <u>{element}</u>
  if (format & TEXT_FORMAT.strikethrough) element = <s>{element}</s>
  return <React.Fragment key={key}>{element}</React.Fragment>
}

/** A numbered photo: "<title> - N", its caption and its credit. */
export const Photo = ({ media, caption, label }: { media: Media | null; caption: string | null; label: string }) => {
  const src = mediaUrl(media, 'hero')
  const credit = (media as { creditLine?: string | null } | null)?.creditLine
  return (
    <figure className="photo">
      {src ? <img alt={media?.alt || label} height={media?.height ?? undefined} loading="lazy" src={src} width={media?.width ?? undefined} /> : null}
      <figcaption>
        <span className="photo-label">{label}</span>
        {caption || media?.caption ? <span className="photo-caption">{caption || media?.caption}</span> : null}
        {credit ? <span className="photo-credit">{credit}</span> : null}
      </figcaption>
    </figure>
  )
}

/**
 * The article body from its Lexical JSON: text, headings, lists, quotes, links (http/https only) and the photos,
 * numbered in reading order. Everything is rendered as React elements: nothing in the body is inserted as HTML.
 */
export const ArticleBody = ({ content, photoLabel }: { content: unknown; photoLabel: (n: number) => string }) => {
  let photoNumber = 0
  const render = (node: LexicalNode, key: number): React.ReactNode => {
    const children = () => node.children?.map(render)
    switch (node.type) {
      case 'text':
        return renderText(node, key)
      case 'linebreak':
        return <br key={key} />
      case 'tab':
        return ' '
      case 'paragraph':
        return <p key={key}>{children()}</p>
      case 'heading': {
        const Tag = (['h2', 'h3', 'h4', 'h5', 'h6'].includes(node.tag ?? '') ? node.tag : 'h2') as 'h2'
        return <Tag key={key}>{children()}</Tag>
      }
      case 'quote':
        return <blockquote key={key}>{children()}</blockquote>
      case 'list':
        return node.listType === 'number' ? <ol key={key}>{children()}</ol> : <ul key={key}>{children()}</ul>
      case 'listitem':
        return <li key={key}>{children()}</li>
      case 'link':
      case 'autolink': {
        const href = safeHttpUrl(node.fields?.url ?? node.url)
        return href ? (
          <a href={href} key={key} rel="noopener" target={node.fields?.newTab ? '_blank' : undefined}>
            {children()}
          </a>
        ) : (
          <React.Fragment key={key}>{children()}</React.Fragment>
        )
      }
      case 'horizontalrule':
        return <hr key={key} />
      case 'upload': {
        photoNumber += 1
        return <Photo caption={node.fields?.caption ?? null} key={key} label={photoLabel(photoNumber)} media={mediaOf(node.value)} />
      }
      default:
        return node.children ? <React.Fragment key={key}>{children()}</React.Fragment> : null
    }
  }
  const root = (content as { root?: LexicalNode } | null)?.root
  return <div className="article-body">{root?.children?.map(render)}</div>
}
