import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { OpenAPIV3_1 } from 'openapi-types'

type Document = OpenAPIV3_1.Document
const DOCUMENT_ID = 'newsroom-openapi'

export interface ContractViolation {
  method: string
  path: string
  status: number
  problem: string
}

/** Path words of Payload's own routes the document does not describe (versions, count, access). */
const PAYLOAD_ROUTE_WORDS = ['versions', 'count', 'access'].join('|')

const pointer = (...segments: string[]) => segments.map((segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')

/**
 * Checks REST responses against the OpenAPI document: finds the operation of a method and path, the response of
 * the status, and validates a JSON body with Ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses).
 */
export const createContract = (document: Document) => {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true })
  addFormats(ajv)
  ajv.addSchema({ ...(document as object), $id: DOCUMENT_ID })
  const templates = Object.keys(document.paths ?? {})
    .map((template) => ({
      template,
      // a placeholder is never one of Payload's own route words (`/api/articles/versions` is not article "versions")
      regex: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, `(?!(?:${PAYLOAD_ROUTE_WORDS})(?:/|$))[^/]+`)}$`),
      literal: template.replace(/\{[^}]+\}/g, '').length,
    }))
    .sort((a, b) => b.literal - a.literal)
  const validators = new Map<string, ReturnType<typeof ajv.getSchema>>()

  const resolveResponse = (response: any): { value: any; at: string[] } | undefined => {
    if (response?.$ref) {
      const at = String(response.$ref).replace(/^#\//, '').split('/')
      let value: any = document
      for (const segment of at) value = value?.[segment]
      return value ? { value, at } : undefined
    }
    return undefined
  }

  /** A violation, or `null` when the response matches (or the call is not one the document describes). */
  const check = (method: string, url: string, status: number, contentType: string | null, body: unknown): ContractViolation | null => {
    // as the server sees it: `/api/articles/../comments` is `/api/comments`
    const path = new URL(url, 'http://localhost').pathname
    const match = templates.find((entry) => entry.regex.test(path))
    if (!match) return null
    const lower = method.toLowerCase()
    const operation = (document.paths as any)[match.template]?.[lower]
    if (!operation) return null
    const responses = operation.responses ?? {}
    const key = responses[String(status)] ? String(status) : responses.default ? 'default' : undefined
    const violation = (problem: string) => ({ method, path: match.template, status, problem })
    if (!key) return violation(`status ${status} is not in the document (documented: ${Object.keys(responses).join(', ')})`)
    if (!contentType?.includes('json') || body === undefined || typeof body === 'string') return null
    const resolved = resolveResponse(responses[key])
    const at = resolved ? resolved.at : ['paths', match.template, lower, 'responses', key]
    const response = resolved ? resolved.value : responses[key]
    const media = response.content?.['application/json'] ? 'application/json' : Object.keys(response.content ?? {}).find((type) => type.includes('json'))
    if (!media) return null
    const ref = `${DOCUMENT_ID}#/${pointer(...at, 'content', media, 'schema')}`
    let validate = validators.get(ref)
    if (!validate) {
      validate = ajv.compile({ $ref: ref })
      validators.set(ref, validate)
    }
    if (validate(body)) return null
    const details = (validate.errors ?? []).slice(0, 5).map((error) => `${error.instancePath || '/'} ${error.message}`)
    return violation(`body does not match ${at.join('/')}: ${details.join('; ')}`)
  }
  return { check }
}
