/**
 * The origins the CMS trusts: where its admin is served (`SERVER_URL`), the reader site (`SITE_URL`) and any
 * front end listed in `CORS_ORIGINS`. Payload's `csrf` list ignores a login cookie sent from any other origin (the
 * request is treated as anonymous), and its `cors` list answers cross-origin browser calls from these only.
 * Without any of the three set, nothing is restricted (Payload's default), so a development server reached by
 * any host name keeps working; every production deployment sets SERVER_URL.
 */
export interface OriginSettings {
  serverURL?: string
  siteURL?: string
  /** comma-separated origins (`CORS_ORIGINS`) or a list */
  extra?: string | string[]
  /** the port this server listens on (loopback origins of it are always trusted once a list exists) */
  port?: number | string
}

/** The origin (`scheme://host[:port]`) of a URL, or undefined when it is not an http(s) URL. */
export const originOf = (value: string | undefined): string | undefined => {
  if (!value?.trim()) return undefined
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined
  } catch {
    return undefined
  }
}

/** The trusted origins, or an empty list (no restriction) when none is configured. */
export const trustedOrigins = ({ serverURL, siteURL, extra, port }: OriginSettings): string[] => {
  const extras = Array.isArray(extra) ? extra : (extra ?? '').split(',')
  const listed = [serverURL, siteURL, ...extras].map(originOf).filter((origin): origin is string => Boolean(origin))
  if (!listed.length) return []
  const local = port ? [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`] : []
  return [...new Set([...listed, ...local])]
}
