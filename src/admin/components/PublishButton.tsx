'use client'
import { PublishButton, useAuth } from '@payloadcms/ui'
import React from 'react'

import { EDITORIAL_ROLES, hasRole } from '../../../access/roles'

/** Payload's publish button, shown only to those who may publish (editors and admins); authors save drafts. */
export const NewsroomPublishButton: React.FC<Record<string, unknown>> = (props) => {
  const { user } = useAuth()
  if (!hasRole(user as never, EDITORIAL_ROLES)) return null
  return <PublishButton {...(props as object)} />
}
