import { APIError, type CollectionBeforeOperationHook, type FlattenedField } from 'payload'

import { walkWhere } from '../src/http/screenWhere'

/**
 * A caller's `where` with a value on a date field that is no date (`where[createdAt][contains]=275761`,
 * `where[publishedAt][less_than]=soon`): Payload turns it into an Invalid Date and the adapter into SQL without its
 * value ("incomplete input" on SQLite), a 500. Here it is a 400 naming the condition. The shape of the where
 * (one value where one belongs) is checked before Payload parses it (src/http/screenWhere.ts).
 */
const NO_VALUE_OPERATORS = new Set(['exists'])

/** The field a path names: top-level, or a level into a group, tab or other field with sub-fields. */
const fieldAt = (fields: readonly FlattenedField[], path: string): FlattenedField | undefined => {
  const [head, ...rest] = path.split('.')
  const field = fields.find((candidate) => candidate.name === head)
  if (!field || rest.length === 0) return field
  return 'flattenedFields' in field && Array.isArray(field.flattenedFields) ? fieldAt(field.flattenedFields, rest.join('.')) : undefined
}

/** GraphQL hands a DateTime over as a Date; REST as text. */
const isDate = (value: unknown) =>
  (value instanceof Date || typeof value === 'string' || typeof value === 'number') && !Number.isNaN(new Date(value).getTime())

/** The first date condition (through and/or) whose value holds no date, as a message; the where's shape problems too. */
const dateProblem = (fields: readonly FlattenedField[], where: unknown): string | undefined =>
  walkWhere(where, (field, operator, value, named) => {
    if (fieldAt(fields, field)?.type !== 'date') return undefined
    // null and "" Payload reads as "no date" (the admin's filter sends "" before a date is picked)
    if (NO_VALUE_OPERATORS.has(operator) || value === null || value === '') return undefined
    const values = Array.isArray(value) ? value : typeof value === 'string' && /^(not_)?in$|^all$/.test(operator) ? value.split(',') : [value]
    return values.every(isDate) ? undefined : `"${named}" must be a date, such as "2026-12-03T08:00:00.000Z": "${field}" is a date field.`
  })

/** beforeOperation of every collection of ours: a where from a caller with a date condition that holds no date is a 400. */
export const refuseUnreadableWhere: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const where = (args as { where?: unknown }).where
  if (!where || req.payloadAPI === 'local') return args
  const problem = dateProblem(collection.flattenedFields, where)
  if (problem) throw new APIError(problem, 400, undefined, true)
  return args
}
