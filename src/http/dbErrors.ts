/**
 * Database errors a caller's input can cause, told apart from the server's own failures: a reference to a
 * document that does not exist (a foreign key), or a value the column cannot hold. Payload checks the
 * shape of a relationship's id but not that the document exists, so such input reached the database and came
 * back as a 500.
 */
export type InputConflict = { status: 400; message: string; code: 'related.missing' | 'value.out_of_range' | 'query.operator' | 'query.sort' }

const codesOf = (error: unknown): string[] => {
  const found: string[] = []
  let current = error as { code?: unknown; message?: unknown; cause?: unknown; originalError?: unknown } | undefined
  for (let hops = 0; current && hops < 5; hops++) {
    if (typeof current.code === 'string') found.push(current.code)
    if (typeof current.message === 'string') found.push(current.message)
    current = (current.cause ?? current.originalError) as typeof current
  }
  return found
}

const VALUE_CODES = new Set(['22003', '22P02', '22007', '22008', '22021'])

/** The conflict a database error stands for, or undefined when it is not one a caller's input can cause. */
export const inputConflictOf = (error: unknown, { read = false }: { read?: boolean } = {}): InputConflict | undefined => {
  const signs = codesOf(error)
  // PostgreSQL 23503 / SQLite "FOREIGN KEY constraint failed"
  if (signs.some((sign) => sign === '23503' || /FOREIGN KEY constraint failed|SQLITE_CONSTRAINT_FOREIGNKEY/.test(sign))) {
    return { status: 400, code: 'related.missing', message: 'A document this refers to does not exist.' }
  }
  // A value the column cannot hold, in a write or in a query's where: PostgreSQL 22003 (numeric value out of range),
  // 22P02 (invalid text representation, e.g. "x" for an integer id), 22007 and 22008 (a date it cannot read, or the
  // year 0), 22021 (a NUL character); SQLite's driver refuses NaN (what Payload makes of "x" for a number).
  if (signs.some((sign) => VALUE_CODES.has(sign) || /^Only finite numbers \(not Infinity or NaN\) can be passed as arguments/.test(sign))) {
    return { status: 400, code: 'value.out_of_range', message: 'A value is out of range or of the wrong kind for its field.' }
  }
  // In a read, the caller's where is the only input that reaches the query: SQLite's driver is handed `undefined` for
  // a date Payload could not read ("soon"), and `near` on a field that is not a point has no operator in the adapter.
  if (read && signs.some((sign) => /^undefined cannot be passed as argument to the database/.test(sign))) {
    return { status: 400, code: 'value.out_of_range', message: 'A value in the query is of the wrong kind for its field.' }
  }
  // PostgreSQL 42883: `like`/`contains` on a number or a choice (no such operator for that column type).
  if (read && signs.some((sign) => sign === '42883')) {
    return { status: 400, code: 'query.operator', message: 'An operator in the query cannot be used on that field (like, not_like and contains are for text).' }
  }
  // PostgreSQL 42803 and 42P10: sorts the adapter builds wrongly (a relation's field with an array's, grouped; a
  // self-relation's field with the same field of the document, under SELECT DISTINCT).
  if (read && signs.some((sign) => sign === '42803' || sign === '42P10')) {
    return { status: 400, code: 'query.sort', message: 'The query cannot be sorted by these fields together; sort by one of them.' }
  }
  if (read && signs.some((sign) => /operators\[queryOperator\] is not a function/.test(sign))) {
    return { status: 400, code: 'query.operator', message: 'An operator in the query cannot be used on that field (near, within and intersects are for point fields).' }
  }
  return undefined
}
