/**
 * A type screen for what a caller sends to a collection: each field's value must have the shape its type stores
 * (text is a string, a number a number, a checkbox a boolean, a relationship an id or a document with one, a group
 * an object, an array a list of objects). Payload's own validation runs after hooks that read the values, and
 * some of its code (and ours) trips over a number where text belongs, which became a 500; here the caller gets a
 * 400 naming every field that is the wrong type (or holds a NUL character, which PostgreSQL cannot store). Nothing is coerced; null and absent values pass (whether a
 * field is required is Payload's rule), but for a group, whose subfields Payload reads from it.
 */
import type { Field } from 'payload'

export interface TypeProblem {
  path: string
  message: string
}

const TEXT_TYPES = new Set(['text', 'textarea', 'email', 'code', 'select', 'radio'])

/** Whether a value can be a document id of this database (serial ids: whole numbers from 1). */
export type IdCheck = (value: unknown) => boolean

const anyId: IdCheck = (value) => (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value !== '')
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)
const relationValue = (isId: IdCheck) => (value: unknown) =>
  isId(value) || (isObject(value) && (isId(value.id) || ('relationTo' in value && (isId(value.value) || isObject(value.value)))))

const LEXICAL_FORMATS = new Set(['', 'left', 'start', 'center', 'right', 'end', 'justify'])
const RICH_TEXT_WANTS =
  'a Lexical document: {"root": {"type": "root", "children": [nodes, each with a "type" and a numeric "version"], "direction": "ltr", "rtl" or null, "format": "", "indent": 0, "version": 1}}'

/**
 * A serialized Lexical editor state, as the admin's editor saves it and as the API answers it (the `root` of
 * Payload's own generated type for a rich text field). Payload's Lexical validation only walks the root's
 * children when there are some, so `{}` or a root without children was stored, and every reader of the article
 * then got a document its contract says cannot exist.
 */
const isLexicalDocument = (value: unknown): boolean => {
  if (!isObject(value) || !isObject(value.root)) return false
  const { root } = value
  return (
    typeof root.type === 'string' &&
    Array.isArray(root.children) &&
    root.children.every((node) => isObject(node) && typeof node.type === 'string' && typeof node.version === 'number') &&
    (root.direction === null || root.direction === 'ltr' || root.direction === 'rtl') &&
    typeof root.format === 'string' &&
    LEXICAL_FORMATS.has(root.format) &&
    typeof root.indent === 'number' &&
    Number.isFinite(root.indent) &&
    typeof root.version === 'number' &&
    Number.isFinite(root.version)
  )
}

/** ISO 8601 as Payload writes it and PostgreSQL reads it: date, optional time (T or space) and zone. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/

/** A real calendar date from year 1 (PostgreSQL has no year 0) in that shape, which JavaScript can read too. */
export const isIsoDate = (value: unknown): boolean => {
  if (typeof value !== 'string') return false
  const match = ISO_DATE.exec(value)
  if (!match || Number.isNaN(Date.parse(value))) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const calendar = new Date(Date.UTC(2000, month - 1, day))
  calendar.setUTCFullYear(year)
  return year >= 1 && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day
}

const expectation = (field: Field, isId: IdCheck): { ok: (value: unknown) => boolean; wants: string } | undefined => {
  const many = 'hasMany' in field && field.hasMany === true
  const list = (one: (value: unknown) => boolean, wants: string) =>
    many ? { ok: (value: unknown) => Array.isArray(value) && value.every((item) => item === null || one(item)), wants: `a list of ${wants}` } : { ok: one, wants }
  if ((field.type === 'select' || field.type === 'radio') && field.options.length) {
    // one of the options ("" is none of them: stored as is, it is a status or a choice no reader can handle)
    const values = field.options.map((option) => (typeof option === 'string' ? option : option.value))
    return list((value) => typeof value === 'string' && values.includes(value), `one of ${values.map((value) => `"${value}"`).join(', ')}`)
  }
  if (TEXT_TYPES.has(field.type)) return list((value) => typeof value === 'string', 'text')
  // Payload's date validation lets "" through, and a stored date no one can parse made every later read of the
  // document (and any list holding it) a 500. JavaScript's Date.parse is too lenient to be the judge: it reads "0"
  // as the year 2000 and "2026-02-31" as 3 March, and PostgreSQL refuses both (a 500 at the write).
  if (field.type === 'date') return { ok: isIsoDate, wants: 'a date, such as "2026-12-03T08:00:00.000Z" (null to clear it)' }
  if (field.type === 'number') return list((value) => typeof value === 'number' && Number.isFinite(value), 'a number')
  if (field.type === 'checkbox') return { ok: (value) => typeof value === 'boolean', wants: 'true or false' }
  if (field.type === 'relationship' || field.type === 'upload') return list(relationValue(isId), 'an id')
  if (field.type === 'richText') return { ok: isLexicalDocument, wants: RICH_TEXT_WANTS }
  if (field.type === 'point') return { ok: (value) => Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n)), wants: 'a [longitude, latitude] pair' }
  if (field.type === 'json') return undefined
  return undefined
}

/** A NUL character anywhere in a value's text: PostgreSQL stores none in text or jsonb (it answered 500). */
const holdsNul = (value: unknown, depth = 0): boolean => {
  if (typeof value === 'string') return value.includes('\u0000')
  if (depth > 64 || value === null || typeof value !== 'object') return false
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || holdsNul(item, depth + 1))
}

/** The fields stored at this level of the data (rows, collapsibles and unnamed tabs lend theirs to it). */
const levelFields = (fields: readonly Field[]): Field[] =>
  fields.flatMap((field) => {
    if (field.type === 'row' || field.type === 'collapsible') return levelFields(field.fields)
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => ('name' in tab && tab.name ? [{ ...tab, type: 'group' } as Field] : levelFields(tab.fields)))
    return [field]
  })

/** Every field of `data` (recursively through groups and arrays) whose value is not of its field's type. */
export const typeProblems = (fields: readonly Field[], data: Record<string, unknown>, isId: IdCheck = anyId, prefix = ''): TypeProblem[] => {
  const problems: TypeProblem[] = []
  for (const field of levelFields(fields)) {
    if (!('name' in field) || !field.name) continue
    // the server's own timestamps: whatever a caller sends there is ignored (hooks/keepServerTimestamps.ts)
    if (prefix === '' && (field.name === 'createdAt' || field.name === 'updatedAt')) continue
    const value = data[field.name]
    const path = `${prefix}${field.name}`
    // A named group set to null: Payload's field hooks read its subfields from it (a TypeError, a 500 before).
    if (value === null && field.type === 'group') {
      problems.push({ path, message: `"${path}" must be an object (leave it out to keep it as it is).` })
      continue
    }
    if (value === null || value === undefined) continue
    if (field.type === 'group') {
      if (!isObject(value)) problems.push({ path, message: `"${path}" must be an object.` })
      else problems.push(...typeProblems(field.fields, value, isId, `${path}.`))
      continue
    }
    if (field.type === 'array') {
      if (!Array.isArray(value) || !value.every(isObject)) problems.push({ path, message: `"${path}" must be a list of objects.` })
      else value.forEach((row, i) => problems.push(...typeProblems(field.fields, row as Record<string, unknown>, isId, `${path}.${i}.`)))
      continue
    }
    if (field.type === 'blocks') {
      if (!Array.isArray(value) || !value.every((row) => isObject(row) && typeof row.blockType === 'string')) {
        problems.push({ path, message: `"${path}" must be a list of blocks, each with a blockType.` })
      }
      continue
    }
    const expected = expectation(field, isId)
    if (expected && !expected.ok(value)) problems.push({ path, message: `"${path}" must be ${expected.wants}.` })
    else if (holdsNul(value)) problems.push({ path, message: `"${path}" may not contain NUL characters (\\u0000).` })
  }
  return problems
}
