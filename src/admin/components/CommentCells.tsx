'use client'
import type { DefaultCellComponentProps } from 'payload'
import { useConfig, useListDrawerContext } from '@payloadcms/ui'
import Link from 'next/link'
import React from 'react'

import { ageOf, highlightSegments, reasonCodes, type ReasonLike } from '../highlight'
import { useNewsroomText } from './useNewsroomText'

const reasonsOf = (row: Record<string, any> | undefined): ReasonLike[] => row?.moderation?.reasons ?? []

/** The comment body as a short excerpt, matched terms marked, linking to the comment. */
export const CommentExcerptCell: React.FC<DefaultCellComponentProps> = ({ rowData, cellData, collectionSlug, link, linkURL, onClick, viewType }) => {
  const { config } = useConfig()
  const { nt } = useNewsroomText()
  const { isInDrawer, drawerSlug, onSelect } = useListDrawerContext()
  const body = typeof cellData === 'string' ? cellData : String(rowData?.body ?? '')
  const segments = highlightSegments(body, reasonsOf(rowData), 140)
  const content = (
    <span className="newsroom-excerpt" data-comment-id={rowData?.id}>
      {segments.map((segment, index) =>
        segment.code ? (
          <mark key={index} className="newsroom-mark" data-reason={segment.code} title={nt(`reason.${segment.code}`)}>
            {segment.text}
          </mark>
        ) : (
          <React.Fragment key={index}>{segment.text}</React.Fragment>
        ),
      )}
    </span>
  )
  // like Payload's own first cell: in a list drawer a click picks the comment, elsewhere it links to it
  const pick =
    typeof onClick === 'function'
      ? () => onClick({ cellData, collectionSlug: collectionSlug ?? 'comments', rowData })
      : isInDrawer && drawerSlug && link && typeof onSelect === 'function'
        ? () => onSelect({ collectionSlug: (collectionSlug ?? 'comments') as never, doc: rowData, docID: String(rowData?.id) })
        : undefined
  if (pick) {
    return (
      <button type="button" className="newsroom-cell-button" onClick={pick}>
        {content}
      </button>
    )
  }
  if (!link || rowData?.id === undefined) return content
  const href =
    linkURL ?? `${config.routes.admin}/collections/${collectionSlug ?? 'comments'}${viewType === 'trash' ? '/trash' : ''}/${encodeURIComponent(String(rowData.id))}`
  return (
    <Link href={href} prefetch={false}>
      {content}
    </Link>
  )
}

/** Why the comment was held, in words. */
export const ReasonsCell: React.FC<DefaultCellComponentProps> = ({ rowData }) => {
  const { nt } = useNewsroomText()
  const reasons = reasonsOf(rowData)
  const codes = reasonCodes(reasons)
  if (Number(rowData?.reportCount) > 0 && !codes.includes('reported')) codes.push('reported')
  if (codes.length === 0) return null
  return (
    <span className="newsroom-reasons">
      {codes.map((code) => {
        const terms = [...new Set(reasons.filter((r) => r.code === code && r.term).map((r) => r.term))]
        return (
          <span key={code} className="newsroom-reason" data-reason={code}>
            {nt(`reason.${code}`)}
            {terms.length > 0 ? `: ${terms.join(', ')}` : ''}
          </span>
        )
      })}
    </span>
  )
}

/** How long ago the comment came in. */
export const AgeCell: React.FC<DefaultCellComponentProps> = ({ rowData }) => {
  const { nt } = useNewsroomText()
  const created = rowData?.createdAt as string | undefined
  return (
    <span title={created ? new Date(created).toLocaleString() : undefined}>
      {ageOf(created, new Date(), { minutes: nt('admin.age.minutes'), hours: nt('admin.age.hours'), days: nt('admin.age.days') })}
    </span>
  )
}
