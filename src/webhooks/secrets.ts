import crypto from 'node:crypto'

/** How long the previous secret still signs after a rotation, so receivers can switch without losing events. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export const generateWebhookSecret = (): string => `whsec_${crypto.randomBytes(32).toString('base64')}`

export interface EndpointSecrets {
  secret?: string | null
  previousSecret?: string | null
  previousSecretExpiresAt?: string | Date | null
}

/** The secrets that sign a request now: the current one, and the previous one during its 24 hours of overlap. */
export const activeSecrets = (endpoint: EndpointSecrets, now: Date = new Date()): string[] => {
  const secrets = endpoint.secret ? [endpoint.secret] : []
  const expires = endpoint.previousSecretExpiresAt ? new Date(endpoint.previousSecretExpiresAt).getTime() : 0
  if (endpoint.previousSecret && expires > now.getTime()) secrets.push(endpoint.previousSecret)
  return secrets
}

/** The fields a rotation writes: a new current secret, the old one kept for the overlap. */
export const rotatedSecrets = (endpoint: EndpointSecrets, now: Date = new Date()) => ({
  secret: generateWebhookSecret(),
  previousSecret: endpoint.secret ?? null,
  previousSecretExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS).toISOString(),
})

/** Context key under which a rotation passes the secrets it wrote; the secret fields take new values from it only. */
export const ROTATION_CONTEXT = 'webhookSecretRotation'
