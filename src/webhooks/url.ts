import { privateAddressesAllowed } from './address'

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i

/**
 * Why an endpoint URL is not accepted, or `null` when it is: https only; http for a loopback host only when
 * `WEBHOOKS_ALLOW_PRIVATE=true` (a receiver on the developer's machine).
 */
export const endpointUrlProblem = (value: unknown, allowPrivate: boolean = privateAddressesAllowed()): string | null => {
  if (typeof value !== 'string' || !value.trim()) return 'A URL is required.'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'Not a valid URL.'
  }
  if (url.username || url.password) return 'The URL must not carry a user name or password.'
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && allowPrivate && LOOPBACK_HOSTS.test(url.hostname)) return null
  return 'The URL must use https (http is accepted for a loopback address only when WEBHOOKS_ALLOW_PRIVATE=true).'
}
