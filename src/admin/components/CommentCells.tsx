'use client'
import type { DefaultCellComponentProps } from 'payload'
import { useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import React from 'react'

import { ageOf, highlightSegments, reasonCodes, type ReasonLike } from '../highlight'
import { useNewsroomText } from './useNewsroomText'

const reasonsOf = (row: Record<string, any> | undefined): ReasonLike[] => row?.moderation?.reasons ?? []

/** The comment body as a short excerpt, matched terms marked, linking to the comment. */
export const CommentExcerptCell: React.FC<DefaultCellComponentProps> = ({ rowData, cellData, collectionSlug, link }) => {
  const { config } = useConfig()
  const { nt } = useNewsroomText()
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
  if (link === false || rowData?.id === undefined) return content
  const href = `${config.routes.admin}/collections/${collectionSlug ?? 'comments'}/${rowData.id}`
  return <Link href={href}>{content}</Link>
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
