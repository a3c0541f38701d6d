'use client'
import { PublishButton, toast, useAuth } from '@payloadcms/ui'
import React from 'react'

import { EDITORIAL_ROLES, hasRole } from '../../../access/roles'
import { useAttributionCheck } from './useAttributionCheck'
import { GateFailureList } from './GateFailureList'
import { useNewsroomText } from './useNewsroomText'

/**
 * Payload's publish button for editors and admins only (authors' drafts save themselves; the server refuses
 * their publishing too). A publish the gate would refuse is stopped here with the list of what is missing, in
 * the editor's language; the server's gate stays the rule.
 */
export const NewsroomPublishButton: React.FC<Record<string, unknown>> = (props) => {
  const { user } = useAuth()
  if (!hasRole(user as never, EDITORIAL_ROLES)) return null
  return <GatedPublishButton {...props} />
}

const GatedPublishButton: React.FC<Record<string, unknown>> = (props) => {
  const { nt } = useNewsroomText()
  const { failures, loading } = useAttributionCheck()

  const onClickCapture = (event: React.MouseEvent) => {
    const target = event.target as HTMLElement
    if (!target.closest('#action-save') || loading || failures.length === 0) return
    event.preventDefault()
    event.stopPropagation()
    toast.error(
      <div className="newsroom-refusal" data-testid="publish-refusal">
        <strong>{nt('gate.refused')}</strong>
        <GateFailureList failures={failures} nt={nt} />
      </div>,
    )
  }

  return (
    <span className="newsroom-publish" onClickCapture={onClickCapture}>
      <PublishButton {...(props as object)} />
    </span>
  )
}
