/**
 * Link detection: http/https/ftp URLs, `hxxp://` and `http[:]//` defanged
 * forms, `www.` hosts, bare domains with a known TLD (`example.com`), and the
 * obfuscated dots `[.]`, `(.)`, `{.}`, `[dot]`, `(dot)`.
 *
 * The patterns are fixed (never built from user input) and written so that
 * every attempt starts at a token boundary and each token is consumed once:
 * linear time.
 */

export interface FoundLink {
  start: number
  end: number
  text: string
  obfuscated: boolean
}

const DOT = String.raw`(?:\.|\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\))`
const OBF = /\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|hxxp|\[:\]/i
const LINK_RE = new RegExp(
  String.raw`(?<![a-z0-9@._\-])(?:` +
    // scheme URLs, including defanged hxxp:// and http[:]//
    String.raw`(?:https?|hxxps?|h\*\*ps?|ftp)(?::|\[:\])\/\/[^\s<>"'\u3000-\u303f\uff01-\uff60]+` +
    '|' +
    // www.host
    String.raw`www${DOT}[^\s<>"'\u3000-\u303f\uff01-\uff60]+` +
    '|' +
    // bare domain: label(.label)+ with optional /path
    String.raw`[a-z0-9][a-z0-9\-]*(?:${DOT}[a-z0-9\-]+)+(?:\/[^\s<>"'\u3000-\u303f\uff01-\uff60]*)?` +
    ')',
  'gi',
)

const TLDS = new Set(
  (
    'com net org info biz io co ai app dev xyz top site online shop store club vip live link win bet ' +
    'casino poker loan click icu buzz cyou fun space website tech pro mobi asia name tel cc tv ws ' +
    'cn ru uk de fr jp kr au ca nl br pl es eu tk ml ga cf gq ly su hk tw sg nz ch se ua vn th id my ' +
    'ph pk ir tr gr ro hu cz sk dk fi pt ar mx cl za ng ke gov edu mil int example test invalid localhost'
  ).split(' '),
)

const SPLIT_DOT = /\.|\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/i

function isBareDomain(s: string): boolean {
  const slash = s.indexOf('/')
  const host = slash >= 0 ? s.slice(0, slash) : s
  const labels = host.split(SPLIT_DOT).filter((l) => l.length > 0)
  if (labels.length < 2) return false
  const tld = labels[labels.length - 1].toLowerCase()
  if (/^\d+$/.test(tld)) {
    // dotted quad IPv4
    return labels.length === 4 && labels.every((l) => /^\d{1,3}$/.test(l))
  }
  if (TLDS.has(tld)) return true
  // an unknown TLD still counts when a path follows (foo.bar/baz)
  return slash > 0 && /^[a-z]{2,24}$/i.test(tld) && labels.every((l) => l.length >= 2)
}

/** cheap pre-check: something that could start a link is present */
const MAYBE_LINK = /[a-z0-9\-](?:[.:]|\[|\(|\{)[a-z0-9/.:\])}]/i

export function findLinks(text: string): FoundLink[] {
  const found: FoundLink[] = []
  if (!MAYBE_LINK.test(text)) return found
  LINK_RE.lastIndex = 0
  for (let m = LINK_RE.exec(text); m !== null; m = LINK_RE.exec(text)) {
    let t = m[0]
    // trailing punctuation is not part of a link
    let trimmed = t.length
    while (trimmed > 0 && '.,;:!?)]}>\'"'.includes(t[trimmed - 1])) trimmed--
    t = t.slice(0, trimmed)
    if (t.length === 0) continue
    const lower = t.toLowerCase()
    const isScheme = /^(?:https?|hxxps?|h\*\*ps?|ftp)(?::|\[:\])\/\//.test(lower)
    const isWww = !isScheme && /^www/.test(lower)
    if (!isScheme && !isWww && !isBareDomain(t)) continue
    found.push({ start: m.index, end: m.index + t.length, text: t, obfuscated: OBF.test(t) })
  }
  return found
}

/**
 * Domains spelled out to get past link filters: `www . luck88 . net`,
 * `luck88点com`, `luck88 dot com`, `luck88。net`. At least one dot must be
 * disguised (spaced, 点, 。 or "dot"), and the last label must be a known TLD.
 */
const SPELLED_DOT = String.raw`(?:\s*[.。．]\s*|\s*点\s*|\s+dot\s+|\s*[\[(]\s*dot\s*[\])]\s*)`
const SPELLED_RE = new RegExp(String.raw`(?<![a-z0-9])([a-z0-9][a-z0-9\-]*(?:${SPELLED_DOT}[a-z0-9][a-z0-9\-]*)+)`, 'gi')
const SPELLED_SPLIT = new RegExp(SPELLED_DOT, 'i')
const PLAIN_DOT_ONLY = /^[a-z0-9\-.]+$/i

/** a disguised dot right before a known TLD: the cheap pre-check */
const SPELLED_TLD = new RegExp(
  String.raw`(?:\s[.。．]|[.。．]\s|点|\sdot\s|\sDOT\s|[\[(]\s*(?:dot|DOT)\s*[\])])\s*(?:${[...TLDS].join('|')})(?![a-z0-9])`,
)
// case-sensitive on purpose: a capitalised word after a full stop starts a sentence ("It works. Com…")

export function findSpelledLinks(text: string): FoundLink[] {
  const found: FoundLink[] = []
  if (!SPELLED_TLD.test(text)) return found
  SPELLED_RE.lastIndex = 0
  for (let m = SPELLED_RE.exec(text); m !== null; m = SPELLED_RE.exec(text)) {
    const t = m[1]
    if (PLAIN_DOT_ONLY.test(t)) continue // an ordinary link: findLinks reports it
    const labels = t.split(new RegExp(SPELLED_SPLIT, 'gi'))
    if (labels.length < 2 || labels.some((l) => l.length === 0)) continue
    const tld = labels[labels.length - 1].toLowerCase()
    if (!TLDS.has(tld) || tld === 'example' || tld === 'test') continue
    // a sentence break before a word that happens to be a TLD ("It works. Com…") is not a domain:
    // every label but the first must be lower-case or digits, and the name must not be one English sentence
    if (labels.slice(1).some((l) => /^[A-Z][a-z]/.test(l))) continue
    found.push({ start: m.index, end: m.index + t.length, text: t, obfuscated: true })
  }
  return found
}
