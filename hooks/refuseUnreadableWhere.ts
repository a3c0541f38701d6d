import { APIError, type CollectionBeforeOperationHook, type FlattenedField } from 'payload'

/**
 * A caller's `where` with a value on a date field that is no date (`where[createdAt][contains]=275761`,
 * `where[publishedAt][less_than]=soon`): Payload turns it into an Invalid Date and the adapter into SQL without its
 * value ("incomplete input" on SQLite), a 500. Here it is a 400 naming the condition. The shape of the where
 * (one value where one belongs) is checked before Payload parses it (src/http/screenWhere.ts).
 */
const NO_VALUE_OPERATORS = new Set(['exists'])

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

/** The field a path names: top-level, or a level into a group, tab or other field with sub-fields. */
const fieldAt = (fields: readonly FlattenedField[], path: string): FlattenedField | undefined => {
  const [head, ...rest] = path.split('.')
  const field = fields.find((candidate) => candidate.name === head)
  if (!field || rest.length === 0) return field
  return 'flattenedFields' in field && Array.isArray(field.flattenedFields) ? fieldAt(field.flattenedFields, rest.join('.')) : undefined
}

const isDate = (value: unknown) => (typeof value === 'string' || typeof value === 'number') && !Number.isNaN(new Date(value).getTime())

const dateProblem = (fields: readonly FlattenedField[], where: unknown, at: string): string | undefined => {
  if (!isObject(where)) return undefined
  for (const [key, condition] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      const list = Array.isArray(condition) ? condition : isObject(condition) ? Object.values(condition) : []
      for (const [index, item] of list.entries()) {
        const problem = dateProblem(fields, item, `${at}[${key}][${index}]`)
        if (problem) return problem
      }
      continue
    }
    if (fieldAt(fields, key)?.type !== 'date' || !isObject(condition)) continue
    for (const [operator, value] of Object.entries(condition)) {
      // null and "" Payload reads as "no date" (the admin's filter sends "" before a date is picked)
      if (NO_VALUE_OPERATORS.has(operator) || value === null || value === '') continue
      const values = Array.isArray(value) ? value : typeof value === 'string' && /^(not_)?in$|^all$/.test(operator) ? value.split(',') : [value]
      if (!values.every(isDate)) return `"${at}[${key}][${operator}]" must be a date, such as "2026-12-03T08:00:00.000Z": "${key}" is a date field.`
    }
  }
  return undefined
}

/** beforeOperation of every collection of ours: a where from a caller with a date condition that holds no date is a 400. */
export const refuseUnreadableWhere: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const where = (args as { where?: unknown }).where
  if (!where || req.payloadAPI === 'local') return args
  const problem = dateProblem(collection.flattenedFields, where, 'where')
  if (problem) throw new APIError(problem, 400, undefined, true)
  return args
}
