'use client'
import { Button, toast, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

/** Posts to one of our webhook endpoints as the logged-in admin and shows the answer as a toast. */
const useAction = () => {
  const { config } = useConfig()
  const [busy, setBusy] = useState(false)
  const run = async (path: string, after?: () => void) => {
    setBusy(true)
    try {
      const response = await fetch(`${config.serverURL}${config.routes.api}${path}`, { method: 'POST', credentials: 'include' })
      const body = await response.json().catch(() => ({}))
      if (response.ok) {
        toast.success(body.message ?? 'Done')
        after?.()
      } else toast.error(body.errors?.[0]?.message ?? `HTTP ${response.status}`)
    } finally {
      setBusy(false)
    }
  }
  return { busy, run }
}

/** "Send test event" and "Rotate secret" on a saved webhook endpoint. */
export const WebhookEndpointActions: React.FC = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const { busy, run } = useAction()
  if (!id) return null
  return (
    <div className="field-type" style={{ display: 'flex', gap: 12 }}>
      <Button buttonStyle="secondary" disabled={busy} onClick={() => run(`/${collectionSlug}/${id}/test`)}>
        Send test event / 发送测试事件
      </Button>
      <Button buttonStyle="secondary" disabled={busy} onClick={() => run(`/${collectionSlug}/${id}/rotate-secret`, () => window.location.reload())}>
        Rotate secret / 轮换密钥
      </Button>
    </div>
  )
}

/** "Resend" on a webhook delivery. */
export const WebhookDeliveryActions: React.FC = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const { busy, run } = useAction()
  if (!id) return null
  return (
    <div className="field-type">
      <Button buttonStyle="secondary" disabled={busy} onClick={() => run(`/${collectionSlug}/${id}/resend`)}>
        Resend / 重新发送
      </Button>
    </div>
  )
}
