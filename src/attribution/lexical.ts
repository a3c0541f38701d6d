/**
 * Walking Payload Lexical JSON (`{ root: { children: [...] } }`) — no Lexical import needed.
 */

/** A node in serialized Lexical JSON (only the bits we read). */
export interface LexicalNode {
  type?: string
  children?: LexicalNode[]
  text?: string
  relationTo?: string
  value?: unknown
  fields?: Record<string, unknown> | null
  [key: string]: unknown
}

/** Options for {@link numberImages}. */
export interface NumberImagesOptions {
  /** Label language: `zh` → `图 1`, `en` → `Figure 1`. Default `zh`. */
  locale?: 'zh' | 'en'
  /** Upload collections that hold images. Default: any (`upload` nodes whose populated doc is not an image MIME type are skipped). */
  relationTo?: readonly string[]
  /** `blockType`s of image blocks. Default `['image', 'imageBlock', 'figure', 'mediaBlock']`. */
  imageBlockTypes?: readonly string[]
  /** Field of the image block holding the upload. Default `image` (falls back to `media`). */
  imageField?: string
}

/** A numbered image found in the content. */
export interface NumberedImage {
  /** 1-based position in reading order. */
  number: number
  /** `图 1` / `Figure 1`. */
  label: string
  kind: 'upload' | 'block'
  /** Id of the media doc (the value itself when unpopulated). */
  mediaId: string | number | null
  /** The populated media doc, when the relationship was populated. */
  media: Record<string, unknown> | null
  /** Caption in plain text (from the node's `fields.caption`, which may be text or rich text). */
  caption: string
  /** Path of indices from the root (`[3, 0]` = 4th top-level node, its 1st child). Block-nested states add the field name. */
  path: (number | string)[]
  node: LexicalNode
}

const DEFAULT_BLOCKS = ['image', 'imageBlock', 'figure', 'mediaBlock']

/** Accepts a Lexical state object, a JSON string of one, or a bare root node. */
function rootOf(state: unknown): LexicalNode | null {
  let s = state
  if (typeof s === 'string') {
    try {
      s = JSON.parse(s)
    } catch {
      return null
    }
  }
  if (!s || typeof s !== 'object') return null
  const o = s as Record<string, unknown>
  if (o.root && typeof o.root === 'object') return o.root as LexicalNode
  if (Array.isArray(o.children)) return o as LexicalNode
  return null
}

function isLexicalState(v: unknown): boolean {
  return !!v && typeof v === 'object' && !!(v as { root?: unknown }).root && typeof (v as { root: unknown }).root === 'object'
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'listitem', 'list', 'tablerow', 'code'])

/** Plain text of a Lexical state (block elements separated by newlines); strings pass through trimmed. */
export function lexicalToPlainText(state: unknown): string {
  if (typeof state === 'string') {
    const t = state.trim()
    if (!t.startsWith('{')) return t
    const parsedRoot = rootOf(t)
    return parsedRoot ? lexicalToPlainText({ root: parsedRoot }) : t
  }
  const root = rootOf(state)
  if (!root) return ''
  const textOf = (n: LexicalNode): string => {
    if (!n || typeof n !== 'object') return ''
    if (typeof n.text === 'string') return n.text
    if (n.type === 'linebreak') return '\n'
    const inner = (Array.isArray(n.children) ? n.children : []).map(textOf).join('')
    return BLOCK_TYPES.has(String(n.type)) ? `${inner}\n` : inner
  }
  return textOf(root)
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
}

function mediaOf(value: unknown): { id: string | number | null; doc: Record<string, unknown> | null } {
  if (typeof value === 'string' || typeof value === 'number') return { id: value, doc: null }
  if (value && typeof value === 'object') {
    const doc = value as Record<string, unknown>
    const id = doc.id
    return { id: typeof id === 'string' || typeof id === 'number' ? id : null, doc }
  }
  return { id: null, doc: null }
}

/**
 * Number the images of a Lexical document in reading order (depth-first, document order),
 * including images inside lists, quotes, tables, layout nodes and rich-text fields nested in blocks.
 *
 * Counted: `upload` nodes (Payload: `{ type: 'upload', relationTo, value, fields }`) whose populated
 * doc (if any) has an `image/*` mimeType or none, and `block` nodes whose `fields.blockType` is an image
 * block with an `image` field. `fields.caption` may be a string or rich text.
 */
export function numberImages(lexicalState: unknown, options: NumberImagesOptions = {}): NumberedImage[] {
  const root = rootOf(lexicalState)
  if (!root) return []
  const locale = options.locale ?? 'zh'
  const blockTypes = options.imageBlockTypes ?? DEFAULT_BLOCKS
  const imageField = options.imageField ?? 'image'
  const out: NumberedImage[] = []
  const push = (kind: NumberedImage['kind'], node: LexicalNode, value: unknown, caption: unknown, path: (number | string)[]) => {
    const { id, doc } = mediaOf(value)
    const number = out.length + 1
    out.push({
      number,
      label: locale === 'en' ? `Figure ${number}` : `图 ${number}`,
      kind,
      mediaId: id,
      media: doc,
      caption: lexicalToPlainText(caption ?? (doc ? doc.caption : '') ?? ''),
      path,
      node,
    })
  }

  const walk = (node: LexicalNode, path: (number | string)[]): void => {
    if (!node || typeof node !== 'object') return
    const fields = node.fields && typeof node.fields === 'object' ? node.fields : null
    if (node.type === 'upload') {
      const { doc } = mediaOf(node.value)
      const mime = typeof doc?.mimeType === 'string' ? doc.mimeType : null
      const okCollection = !options.relationTo || options.relationTo.includes(String(node.relationTo))
      if (okCollection && (!mime || mime.startsWith('image/'))) push('upload', node, node.value, fields?.caption, path)
    } else if ((node.type === 'block' || node.type === 'inlineBlock') && fields) {
      const blockType = String(fields.blockType ?? '')
      const value = fields[imageField] ?? fields.media
      if (blockTypes.includes(blockType) && value != null) push('block', node, value, fields.caption, path)
      // Rich-text fields nested inside blocks are part of the reading order too.
      for (const [key, v] of Object.entries(fields)) {
        if (isLexicalState(v)) walk((v as { root: LexicalNode }).root, [...path, key])
      }
    }
    const children = Array.isArray(node.children) ? node.children : []
    children.forEach((c, i) => walk(c, [...path, i]))
  }
  walk(root, [])
  return out
}

/** `图 1：caption` / `Figure 1: caption` (label only when the caption is empty). */
export function formatFigureCaption(image: Pick<NumberedImage, 'label' | 'caption'>, locale: 'zh' | 'en' = 'zh'): string {
  if (!image.caption) return image.label
  return locale === 'en' ? `${image.label}: ${image.caption}` : `${image.label}：${image.caption}`
}
