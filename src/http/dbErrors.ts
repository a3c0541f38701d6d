/**
 * Database errors a caller's input can cause, told apart from the server's own failures: a reference to a
 * document that does not exist (a foreign key), or a value the column cannot hold. Payload checks the
 * shape of a relationship's id but not that the document exists, so such input reached the database and came
 * back as a 500.
 */
export type InputConflict = { status: 400; message: string; code: 'related.missing' | 'value.out_of_range' }

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

/** The conflict a database error stands for, or undefined when it is not one a caller's input can cause. */
export const inputConflictOf = (error: unknown): InputConflict | undefined => {
  const signs = codesOf(error)
  // PostgreSQL 23503 / SQLite "FOREIGN KEY constraint failed"
  if (signs.some((sign) => sign === '23503' || /FOREIGN KEY constraint failed|SQLITE_CONSTRAINT_FOREIGNKEY/.test(sign))) {
    return { status: 400, code: 'related.missing', message: 'A document this refers to does not exist.' }
  }
  // PostgreSQL 22003 (numeric value out of range) / 22P02 (invalid text representation): a value the column cannot hold.
  if (signs.some((sign) => sign === '22003' || sign === '22P02')) {
    return { status: 400, code: 'value.out_of_range', message: 'A value is out of range or of the wrong kind for where it is stored.' }
  }
  return undefined
}
