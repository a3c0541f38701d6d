import type { FieldHook } from 'payload'

import { generateWebhookSecret, ROTATION_CONTEXT } from '../../src/webhooks/secrets'

/**
 * Secret fields are written by the server only: generated on create, replaced by a rotation, and otherwise kept
 * as stored whatever a client sends.
 */
export const keepSecretField =
  (name: 'secret' | 'previousSecret' | 'previousSecretExpiresAt'): FieldHook =>
  ({ operation, originalDoc, context }) => {
    const rotation = context?.[ROTATION_CONTEXT] as Record<string, unknown> | undefined
    if (rotation && name in rotation) return rotation[name]
    if (operation === 'create') return name === 'secret' ? generateWebhookSecret() : null
    return originalDoc?.[name] ?? null
  }
