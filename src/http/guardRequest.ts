import { queryWhereProblem } from './screenWhere'

/**
 * A guard in front of Payload's REST handler for input its router and body parsing do not survive: a path that is
 * not valid percent-encoding (`/api/articles/%ff`), a JSON body that is not a JSON object (`"text"`, `[…]`,
 * `null`, or not JSON at all) or is nested thousands deep reach Payload's code as a thrown URIError, TypeError or
 * stack overflow, a 500, and so did a list query's `where` of the wrong shape (src/http/screenWhere.ts). Here they are a 400
 * with a message saying what is wrong. Used by the Next API route (production and dev), the tests' REST helper and
 * the API benchmark's server, so all three serve the same answers.
 */
const refuse = (message: string, status = 400) =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store' } })

const hasBody = (method: string) => method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS'

/** Deepest nesting a JSON body may have: a rich-text document is about 10 deep; Payload's recursive walks are not safe at thousands. */
export const MAX_JSON_DEPTH = 64

/** The nesting depth of JSON text (brackets outside strings), stopping as soon as it passes `limit`. */
const nestingDepth = (text: string, limit: number): number => {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92) i++ // backslash: skip the escaped character
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 123 || c === 91) {
      depth++
      if (depth > deepest && (deepest = depth) > limit) return deepest
    } else if (c === 125 || c === 93) depth--
  }
  return deepest
}

/** Why a request must not reach Payload, or null (and the request to pass on: a JSON body is re-wrapped after reading). */
export const screenRequest = async (request: Request): Promise<{ refusal: Response } | { request: Request }> => {
  try {
    decodeURIComponent(new URL(request.url).pathname)
  } catch {
    return { refusal: refuse('The address is not valid percent-encoding.') }
  }
  // Payload reads `?limit=..` or `?page=x` as NaN and answers 200 with `"limit": null`: a list nobody asked for.
  const query = new URL(request.url).searchParams
  for (const name of ['limit', 'page']) {
    const value = query.get(name)
    if (value !== null && value !== '' && !/^\d{1,9}$/.test(value)) return { refusal: refuse(`The query parameter "${name}" must be a whole number.`) }
  }
  const whereProblem = queryWhereProblem(new URL(request.url).search)
  if (whereProblem) return { refusal: refuse(whereProblem) }
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (!hasBody(request.method) || type !== 'application/json') return { request }
  const text = await request.text()
  if (text.trim() === '') return { request: new Request(request, { body: '{}' }) }
  if (nestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return { refusal: refuse(`The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`) }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { refusal: refuse('The request body is not valid JSON.') }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { refusal: refuse('The request body must be a JSON object.') }
  }
  return { request: new Request(request, { body: text }) }
}

/** Wraps a REST route handler (Next's `REST_POST(config)` and the like, or any `(request, …) => Response`). */
export const guardRequest =
  <Rest extends unknown[]>(handler: (request: Request, ...rest: Rest) => Promise<Response> | Response) =>
  async (request: Request, ...rest: Rest): Promise<Response> => {
    const screened = await screenRequest(request)
    return 'refusal' in screened ? screened.refusal : handler(screened.request, ...rest)
  }
