/**
 * Hostname normalisation and matching of URLs against a Source's `domains`.
 * Uses the WHATWG URL parser (global `URL`), so IDN hosts are compared in
 * punycode form, case-insensitively, ports and paths ignored.
 */

import type { SourceLike } from './types'

/** Result of {@link parseHttpUrl}. */
export type ParsedHttpUrl =
  | { ok: true; url: URL; host: string }
  | { ok: false; reason: 'missing' | 'invalid' | 'protocol' | 'credentials' }

const IPV4_RE = /^\d{1,3}(\.\d{1,3}){3}$/

/**
 * Common two-label public suffixes (not a full Public Suffix List): listing one of these as a
 * Source domain would make every site under it "match", so they are rejected like TLDs.
 */
const PUBLIC_SUFFIXES = new Set(
  (
    'com.au net.au org.au edu.au gov.au co.uk org.uk ac.uk gov.uk com.cn net.cn org.cn gov.cn edu.cn ' +
    'com.hk org.hk gov.hk com.tw org.tw gov.tw com.sg com.my co.nz org.nz co.jp ne.jp or.jp co.kr ' +
    'com.br co.in co.za com.mx github.io blogspot.com'
  ).split(' '),
)

function stripDot(host: string): string {
  return host.replace(/\.+$/, '')
}

/** Is `host` an IP literal (v4 or bracketed v6)? Those only ever match exactly. */
export function isIpHost(host: string): boolean {
  return IPV4_RE.test(host) || host.startsWith('[')
}

/**
 * Parse an absolute http(s) URL. Rejects other schemes, unparsable input and
 * URLs carrying userinfo (`https://user@host/` — a classic lookalike trick).
 * `host` is the lowercase ASCII (punycode) hostname without trailing dot or port.
 */
export function parseHttpUrl(input: string | null | undefined): ParsedHttpUrl {
  const raw = (input ?? '').trim()
  if (!raw) return { ok: false, reason: 'missing' }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, reason: 'invalid' }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'protocol' }
  if (url.username || url.password) return { ok: false, reason: 'credentials' }
  const host = stripDot(url.hostname.toLowerCase())
  if (!host) return { ok: false, reason: 'invalid' }
  return { ok: true, url, host }
}

/**
 * Normalise one entry of `Source.domains` to a lowercase punycode hostname.
 * Tolerates what editors paste: `https://www.Example.com/news`, `*.example.com`,
 * `.example.com`, `example.com.`, `例子.中国`. Returns null when it is not a hostname, or is a
 * bare TLD / common public suffix (`com`, `com.au`, `co.uk` …) that would match unrelated sites.
 */
export function normalizeDomain(entry: string | null | undefined): string | null {
  let d = (entry ?? '').trim()
  if (!d) return null
  d = d.replace(/^\*\./, '').replace(/^\.+/, '')
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(d) ? d : `http://${d}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    return null
  }
  if (url.username || url.password) return null
  const host = stripDot(url.hostname.toLowerCase())
  if (!host || host.includes('..')) return null
  if (!isIpHost(host) && !host.includes('.') && host !== 'localhost') return null
  if (PUBLIC_SUFFIXES.has(host)) return null
  return host
}

/** The normalised hostnames of a Source (`domains` may hold strings or `{ domain }` rows). */
export function sourceDomains(source: Pick<SourceLike, 'domains'> | null | undefined): string[] {
  const out: string[] = []
  for (const entry of source?.domains ?? []) {
    const raw = typeof entry === 'string' ? entry : (entry?.domain ?? entry?.hostname ?? null)
    const d = normalizeDomain(raw)
    if (d && !out.includes(d)) out.push(d)
  }
  return out
}

/**
 * Does `host` belong to `domain`? True when equal or when `host` ends with
 * `.` + `domain` (a real subdomain). `notexample.com` and `example.com.evil.net`
 * do not match `example.com`. A listed `www.` domain also covers its bare parent
 * (`www.example.com` ⇒ `example.com`). IP literals must match exactly.
 * Both arguments are normalised first.
 */
export function hostMatchesDomain(host: string, domain: string): boolean {
  const h = normalizeDomain(host)
  const d = normalizeDomain(domain)
  if (!h || !d) return false
  if (h === d) return true
  if (isIpHost(h) || isIpHost(d)) return false
  if (h.endsWith(`.${d}`)) return true
  if (d.startsWith('www.') && d.split('.').length > 2 && h === d.slice(4)) return true
  return false
}

/** Is the URL an http(s) URL whose host belongs to one of `domains`? */
export function urlMatchesDomains(url: string | null | undefined, domains: readonly string[]): boolean {
  const parsed = parseHttpUrl(url)
  if (!parsed.ok) return false
  return domains.some((d) => hostMatchesDomain(parsed.host, d))
}
