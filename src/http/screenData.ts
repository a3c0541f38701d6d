/**
 * A type screen for what a caller sends to a collection: each field's value must have the shape its type stores
 * (text is a string, a number a number, a checkbox a boolean, a relationship an id or a document with one, a group
 * an object, an array a list of objects). Payload's own validation runs after hooks that read the values, and
 * some of its code (and ours) trips over a number where text belongs, which became a 500; here the caller gets a
 * 400 naming every field that is the wrong type. Nothing is coerced; null and absent values pass (whether a
 * field is required is Payload's rule).
 */
import type { Field } from 'payload'

export interface TypeProblem {
  path: string
  message: string
}

const TEXT_TYPES = new Set(['text', 'textarea', 'email', 'code', 'date', 'select', 'radio'])

/** Whether a value can be a document id of this database (serial ids: whole numbers from 1). */
export type IdCheck = (value: unknown) => boolean

const anyId: IdCheck = (value) => (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value !== '')
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)
const relationValue = (isId: IdCheck) => (value: unknown) =>
  isId(value) || (isObject(value) && (isId(value.id) || ('relationTo' in value && (isId(value.value) || isObject(value.value)))))

const expectation = (field: Field, isId: IdCheck): { ok: (value: unknown) => boolean; wants: string } | undefined => {
  const many = 'hasMany' in field && field.hasMany === true
  const list = (one: (value: unknown) => boolean, wants: string) =>
    many ? { ok: (value: unknown) => Array.isArray(value) && value.every((item) => item === null || one(item)), wants: `a list of ${wants}` } : { ok: one, wants }
  if (TEXT_TYPES.has(field.type)) return list((value) => typeof value === 'string', 'text')
  if (field.type === 'number') return list((value) => typeof value === 'number' && Number.isFinite(value), 'a number')
  if (field.type === 'checkbox') return { ok: (value) => typeof value === 'boolean', wants: 'true or false' }
  if (field.type === 'relationship' || field.type === 'upload') return list(relationValue(isId), 'an id')
  if (field.type === 'richText' || field.type === 'json' || field.type === 'point') return undefined
  return undefined
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
    const value = data[field.name]
    if (value === null || value === undefined) continue
    const path = `${prefix}${field.name}`
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
  }
  return problems
}
