import { parse } from 'qs-esm'

/**
 * The shape of a list query's `where` (and a `sort` that repeats a field), checked before Payload runs it: Payload hands a condition's value to the
 * database adapter as it comes, so an object or a list where one value belongs (`where[id][equals][a]=0`,
 * `where[title][like][]=`), or `and`/`or` that hold no conditions, came back as a 500. The names of fields and
 * operators are left to Payload (it answers those with a 400 already); only the values' shape is judged here.
 */
const SCALAR_OPERATORS = new Set([
  'equals', 'not_equals', 'like', 'not_like', 'contains', 'exists',
  'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal',
])
/** Operators that take a list (or a comma-separated text) of single values. */
const LIST_OPERATORS = new Set(['in', 'not_in', 'all', 'near'])

export const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)
const isScalar = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value)

/**
 * Walks a where's conditions through and/or, calling `visit` for each operator of each field (`named` is its
 * path, as in `where[or][0][title][like]`). Returns the first problem: of the where's shape, or one `visit` returns.
 */
export const walkWhere = (
  where: unknown,
  visit: (field: string, operator: string, value: unknown, named: string) => string | undefined,
  at = 'where',
): string | undefined => {
  if (!isObject(where)) return `"${at}" must be an object of conditions.`
  for (const [key, condition] of Object.entries(where)) {
    const path = `${at}[${key}]`
    // Payload takes and/or in any case (GraphQL sends AND/OR)
    if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
      const list = Array.isArray(condition) ? condition : isObject(condition) ? Object.values(condition) : undefined
      if (!list) return `"${path}" must be a list of conditions.`
      for (const [index, item] of list.entries()) {
        const problem = walkWhere(item, visit, `${path}[${index}]`)
        if (problem) return problem
      }
      continue
    }
    if (!isObject(condition)) return `"${path}" must name an operator, as in ${path}[equals]=….`
    for (const [operator, value] of Object.entries(condition)) {
      const problem = visit(key, operator, value, `${path}[${operator}]`)
      if (problem) return problem
    }
  }
  return undefined
}

/** The first problem of a where (as qs parsed it), named by its path, or undefined. */
export const whereProblem = (where: unknown): string | undefined =>
  walkWhere(where, (_field, operator, value, named) => {
    if (SCALAR_OPERATORS.has(operator) && !isScalar(value)) return `"${named}" must be one value, not a list or an object.`
    if (LIST_OPERATORS.has(operator)) {
      const items = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [value]
      if (!items.every(isScalar)) return `"${named}" must be one value or a list of values.`
    }
    return undefined
  })

/** A sort that names one field twice (`sort=tags.slug,-tags.slug`): PostgreSQL refused the joined query (a 500). */
export const sortProblem = (sort: unknown): string | undefined => {
  const names = (Array.isArray(sort) ? sort : [sort]).flatMap((item) => (typeof item === 'string' ? item.split(',') : []))
  const seen = new Set<string>()
  for (const name of names.map((item) => item.trim().replace(/^-/, '')).filter(Boolean)) {
    if (seen.has(name)) return `"sort" names "${name}" more than once.`
    seen.add(name)
  }
  return undefined
}

/** The problem of a request's query string's `where` or `sort`, parsed as Payload parses them; undefined when none. */
export const queryWhereProblem = (search: string): string | undefined => {
  if (!search.includes('where') && !search.includes('sort')) return undefined
  const query = parse(search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true }) as Record<string, unknown>
  return (query.where === undefined ? undefined : whereProblem(query.where)) ?? sortProblem(query.sort)
}
