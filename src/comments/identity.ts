import crypto from 'node:crypto'

type HeadersLike = { get(name: string): string | null }

/** Salt for ipHash/userAgentHash/reporter hashes: NEWSROOM_HASH_SALT when set, else the Payload secret. */
export const hashSalt = (secret: string): string => process.env.NEWSROOM_HASH_SALT || secret

/** Salted SHA-256 of a value (hex, 32 characters). The raw value is never stored. */
export const saltedHash = (salt: string, value: string): string =>
  crypto.createHash('sha256').update(salt).update('\u0000').update(value).digest('hex').slice(0, 32)

/** The client's address: the first hop of X-Forwarded-For, else X-Real-IP, else what the host exposes. */
export const clientIp = (headers: HeadersLike | undefined, fallback?: string): string | undefined => {
  const forwarded = headers?.get('x-forwarded-for')
  if (forwarded) {
    const first = forwarded.split(',')[0]?.trim()
    if (first) return first
  }
  const real = headers?.get('x-real-ip')?.trim()
  return real || fallback || undefined
}

/** ipHash and userAgentHash of a request (undefined when the request carries neither). */
export const requestFingerprints = (
  req: { headers?: HeadersLike; payload: { secret: string } },
): { ipHash?: string; userAgentHash?: string } => {
  const salt = hashSalt(req.payload.secret)
  const ip = clientIp(req.headers)
  const agent = req.headers?.get('user-agent') || undefined
  return {
    ipHash: ip ? saltedHash(salt, `ip:${ip}`) : undefined,
    userAgentHash: agent ? saltedHash(salt, `ua:${agent}`) : undefined,
  }
}

/** Signed form token: `<issued ms>.<hmac>`; proves when the site fetched the form. */
export const issueFormToken = (secret: string, now = Date.now()): string => {
  const issued = String(now)
  const mac = crypto.createHmac('sha256', hashSalt(secret)).update(`form:${issued}`).digest('hex').slice(0, 32)
  return `${issued}.${mac}`
}

/** Issue time of a valid token, or undefined when the token is forged or malformed. */
export const readFormToken = (secret: string, token: unknown): number | undefined => {
  if (typeof token !== 'string') return undefined
  const [issued, mac] = token.split('.')
  if (!issued || !mac || !/^\d{10,16}$/.test(issued)) return undefined
  const expected = crypto.createHmac('sha256', hashSalt(secret)).update(`form:${issued}`).digest('hex').slice(0, 32)
  if (mac.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) return undefined
  return Number(issued)
}
