/**
 * Credit-line templates: `来源: {source}`, `{source} · {author}`, `Source: {source} ({url})` …
 */

/** Placeholders a credit template may use. */
export const CREDIT_PLACEHOLDERS = ['source', 'author', 'url'] as const
export type CreditPlaceholder = (typeof CREDIT_PLACEHOLDERS)[number]

/** Default `Source.creditTemplate`. */
export const DEFAULT_CREDIT_TEMPLATE = '来源: {source}'
/** Default template of `Media.creditLine` (only `{source}` is filled: source name or creator). */
export const DEFAULT_MEDIA_CREDIT_TEMPLATE = '图片来源: {source}'

/** A lexical piece of a credit template. */
export type CreditToken =
  | { type: 'text'; value: string }
  | { type: 'placeholder'; name: string; raw: string }

/** Result of {@link parseCreditTemplate}. Parsing never throws. */
export interface ParsedCreditTemplate {
  tokens: CreditToken[]
  /** Distinct placeholder names in order of first use (known and unknown). */
  placeholders: string[]
  /** Distinct placeholder names that are not in {@link CREDIT_PLACEHOLDERS}. */
  unknown: string[]
  /** False when a `{` or `}` has no partner (those characters are then kept as text). */
  balanced: boolean
}

/** Stable error codes of {@link validateCreditTemplate}. */
export type CreditTemplateErrorCode =
  | 'credit-template-empty'
  | 'credit-template-unbalanced'
  | 'credit-template-unknown-placeholder'

/** A template validation error: stable `code`, English `message`, offending placeholders. */
export interface CreditTemplateError {
  code: CreditTemplateErrorCode
  message: string
  /** Unknown placeholder names (only for `credit-template-unknown-placeholder`). */
  placeholders: string[]
}

/** Values substituted into a credit template. Empty/missing values are dropped gracefully. */
export interface CreditValues {
  source?: string | null
  author?: string | null
  url?: string | null
}

const isKnown = (name: string): name is CreditPlaceholder => (CREDIT_PLACEHOLDERS as readonly string[]).includes(name)

/**
 * Split a template into text and `{placeholder}` tokens.
 * A `{` without a closing `}` (or a stray `}`) is kept as text and flags `balanced: false`.
 */
export function parseCreditTemplate(template: string | null | undefined): ParsedCreditTemplate {
  const src = template ?? ''
  const tokens: CreditToken[] = []
  const placeholders: string[] = []
  let balanced = true
  let text = ''
  let i = 0
  while (i < src.length) {
    const ch = src[i]!
    if (ch === '{') {
      const close = src.indexOf('}', i + 1)
      const nextOpen = src.indexOf('{', i + 1)
      if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
        balanced = false
        text += ch
        i++
        continue
      }
      if (text) tokens.push({ type: 'text', value: text })
      text = ''
      const raw = src.slice(i, close + 1)
      const name = src.slice(i + 1, close)
      tokens.push({ type: 'placeholder', name, raw })
      if (!placeholders.includes(name)) placeholders.push(name)
      i = close + 1
      continue
    }
    if (ch === '}') balanced = false
    text += ch
    i++
  }
  if (text) tokens.push({ type: 'text', value: text })
  return { tokens, placeholders, unknown: placeholders.filter((p) => !isKnown(p)), balanced }
}

function suggestion(name: string): string | null {
  const n = name.trim().toLowerCase()
  if (isKnown(n)) return n
  const aliases: Record<string, CreditPlaceholder> = {
    name: 'source', sourcename: 'source', outlet: 'source', publisher: 'source', 来源: 'source',
    byline: 'author', writer: 'author', 作者: 'author',
    link: 'url', href: 'url', originalurl: 'url', 链接: 'url',
  }
  return aliases[n.replace(/[\s_-]/g, '')] ?? null
}

/**
 * Validate a credit template. Returns `null` when valid, else one error
 * (empty > unbalanced braces > unknown placeholders; the last names every unknown one).
 *
 * @example validateCreditTemplate('来源: {source} {foo}')
 * // → { code: 'credit-template-unknown-placeholder',
 * //     message: 'Unknown placeholder {foo}. Allowed placeholders: {source}, {author}, {url}.', placeholders: ['foo'] }
 */
export function validateCreditTemplate(template: string | null | undefined): CreditTemplateError | null {
  if (!template || !template.trim()) {
    return { code: 'credit-template-empty', message: 'The credit template is empty. Use for example "来源: {source}".', placeholders: [] }
  }
  const parsed = parseCreditTemplate(template)
  if (!parsed.balanced) {
    return {
      code: 'credit-template-unbalanced',
      message: 'The credit template has a "{" or "}" without its partner. Placeholders look like {source}.',
      placeholders: [],
    }
  }
  if (parsed.unknown.length) {
    const list = parsed.unknown.map((p) => `{${p}}`).join(', ')
    const hints = parsed.unknown
      .map((p) => [p, suggestion(p)] as const)
      .filter((x): x is readonly [string, CreditPlaceholder] => x[1] !== null)
      .map(([p, s]) => ` Did you mean {${s}} instead of {${p}}?`)
      .join('')
    return {
      code: 'credit-template-unknown-placeholder',
      message: `Unknown placeholder${parsed.unknown.length > 1 ? 's' : ''} ${list}. Allowed placeholders: {source}, {author}, {url}.${hints}`,
      placeholders: parsed.unknown,
    }
  }
  return null
}

// ---------------------------------------------------------------------------
// Rendering

type Node =
  | { k: 'text'; v: string }
  | { k: 'sep'; v: string }
  | { k: 'ph'; name: string }
  | { k: 'group'; open: string; close: string; children: Node[] }

const BRACKETS: Record<string, string> = { '(': ')', '（': '）', '[': ']', '【': '】', '「': '」', '『': '』', '《': '》', '〈': '〉' }
const CLOSERS = new Set(Object.values(BRACKETS))
/** Separators between independent parts of a credit line. A bare `-` or space is not one. */
const SEP_RE = /\s*(?:[·•|/,，;；、]|\s[-–—]\s|—+)(?:\s*(?:[·•|/,，;；、]|\s[-–—]\s|—+))*\s*/g
const TRIM_EDGE_RE = /^[\s·•|/,，;；、\-–—]+|[\s·•|/,，;；、\-–—:：]+$/g

function toNodes(tokens: CreditToken[]): Node[] {
  // Flatten to atoms: text / sep / ph / open / close.
  type Atom = Node | { k: 'open'; v: string } | { k: 'close'; v: string }
  const atoms: Atom[] = []
  for (const t of tokens) {
    if (t.type === 'placeholder') {
      atoms.push({ k: 'ph', name: t.name })
      continue
    }
    let last = 0
    for (const m of t.value.matchAll(SEP_RE)) {
      if (m.index! > last) pushText(atoms, t.value.slice(last, m.index))
      atoms.push({ k: 'sep', v: m[0] })
      last = m.index! + m[0].length
    }
    if (last < t.value.length) pushText(atoms, t.value.slice(last))
  }
  // Build groups with a stack; unmatched brackets degrade to text.
  const root: Node[] = []
  const stack: { open: string; children: Node[] }[] = []
  const cur = () => (stack.length ? stack[stack.length - 1]!.children : root)
  for (const a of atoms) {
    if (a.k === 'open') stack.push({ open: a.v, children: [] })
    else if (a.k === 'close') {
      const top = stack[stack.length - 1]
      if (top && BRACKETS[top.open] === a.v) {
        stack.pop()
        cur().push({ k: 'group', open: top.open, close: a.v, children: top.children })
      } else cur().push({ k: 'text', v: a.v })
    } else cur().push(a)
  }
  while (stack.length) {
    const top = stack.pop()!
    cur().push({ k: 'text', v: top.open }, ...top.children)
  }
  return root

  function pushText(out: Atom[], s: string) {
    let buf = ''
    for (const ch of s) {
      if (BRACKETS[ch] || CLOSERS.has(ch)) {
        if (buf) out.push({ k: 'text', v: buf })
        buf = ''
        out.push({ k: BRACKETS[ch] ? 'open' : 'close', v: ch })
      } else buf += ch
    }
    if (buf) out.push({ k: 'text', v: buf })
  }
}

function placeholdersIn(nodes: Node[]): string[] {
  return nodes.flatMap((n) => (n.k === 'ph' ? [n.name] : n.k === 'group' ? placeholdersIn(n.children) : []))
}

/** Renders a node list; returns null when it held placeholders and all of them were empty. */
function renderNodes(nodes: Node[], values: Record<string, string>): string | null {
  const chunks: { sep: string; items: Node[] }[] = [{ sep: '', items: [] }]
  for (const n of nodes) {
    if (n.k === 'sep') chunks.push({ sep: n.v, items: [] })
    else chunks[chunks.length - 1]!.items.push(n)
  }
  const all = placeholdersIn(nodes)
  if (all.length && all.every((p) => !values[p])) return null
  let out = ''
  let first = true
  for (const c of chunks) {
    const phs = placeholdersIn(c.items)
    if (phs.length && phs.every((p) => !values[p])) continue
    let s = ''
    for (const n of c.items) {
      if (n.k === 'text') s += n.v
      else if (n.k === 'ph') {
        const v = values[n.name]
        if (v) s += v
        else s = s.replace(/\s*[^\s:：]*[:：]\s*$/, '').replace(/\s+$/, '') // drop a dangling "label: "
      } else if (n.k === 'group') {
        const inner = renderNodes(n.children, values)
        if (inner === null || !inner.trim()) s = s.replace(/\s+$/, '')
        else s += n.open + inner + n.close
      }
    }
    if (!s.trim()) continue
    out += (first ? '' : c.sep) + s
    first = false
  }
  return out
}

function clean(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim()
}

/**
 * Render a credit line. Missing/blank values are removed together with what only
 * makes sense next to them: the separator before them (` · `, `/`, `，`, `|` …), a
 * bracket group containing only missing values (`（作者: {author}）`), or a `label:`
 * directly in front. So `{source} · {author}` without author gives just the source,
 * and `来源: {source}（{author}）` never yields `（）`. If every placeholder is empty the
 * result is `''`. Unknown placeholders render as nothing (validate templates on save).
 */
export function renderCreditLine(template: string | null | undefined, values: CreditValues): string {
  const tpl = template && template.trim() ? template : DEFAULT_CREDIT_TEMPLATE
  const vals: Record<string, string> = { source: clean(values.source), author: clean(values.author), url: clean(values.url) }
  const rendered = renderNodes(toNodes(parseCreditTemplate(tpl).tokens), vals)
  if (rendered === null) return ''
  return rendered.replace(/[ \t]{2,}/g, ' ').replace(TRIM_EDGE_RE, '').trim()
}
