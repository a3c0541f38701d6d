'use client'
import type { DefaultCellComponentProps } from 'payload'
import React from 'react'

import { resolvePermissions } from '../../attribution/licenses'
import { useNewsroomText } from './useNewsroomText'

const RIGHTS = ['republish', 'modify', 'translate', 'images'] as const

/** The rights a Source grants (explicit, else the licence's defaults), as small badges. */
export const PermissionsCell: React.FC<DefaultCellComponentProps> = ({ rowData }) => {
  const { nt } = useNewsroomText()
  const granted = resolvePermissions((rowData ?? {}) as never)
  const rights = RIGHTS.filter((right) => granted[right])
  if (rights.length === 0) return <span className="newsroom-panel__muted">{nt('admin.sources.permissions.none')}</span>
  return (
    <span className="newsroom-badges">
      {rights.map((right) => (
        <span key={right} className="newsroom-badge" data-right={right}>
          {nt(`field.sources.permissions.${right}`)}
        </span>
      ))}
    </span>
  )
}
