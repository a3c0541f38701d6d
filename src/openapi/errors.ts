import type { OpenAPIV3_1 } from 'openapi-types'

import { ENDPOINT_SCHEMAS } from './endpoints'

type Document = OpenAPIV3_1.Document
type Operation = OpenAPIV3_1.OperationObject

const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const

/** The error body every Payload and newsroom endpoint answers with. */
const errorSchema: OpenAPIV3_1.SchemaObject = {
  type: 'object',
  required: ['errors'],
  properties: {
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['message'],
        properties: {
          name: { type: 'string' },
          message: { type: 'string' },
          data: {
            // a refused query (where/sort on a field the caller cannot use) names the paths in a list
            type: ['object', 'array', 'null'],
            description: 'For a ValidationError: the collection and one entry per refused field; for a refused query: the paths.',
            properties: {
              collection: { type: 'string' },
              errors: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['message', 'path'],
                  properties: { path: { type: 'string' }, message: { type: 'string' }, label: {} },
                },
              },
            },
          },
        },
      },
    },
  },
}

const errorResponse = (description: string, headers?: OpenAPIV3_1.ResponseObject['headers']): OpenAPIV3_1.ResponseObject => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
})

/** Shared error responses, by status. */
export const ERROR_RESPONSES: Record<string, OpenAPIV3_1.ResponseObject> = {
  ValidationError: errorResponse('400: the request was refused; `errors[0].data.errors` names each field and why.'),
  Unauthorized: errorResponse('401: no or an expired token (`Authorization: JWT <token>` or the `payload-token` cookie).'),
  Forbidden: errorResponse('403: the caller’s roles do not allow this.'),
  NotFound: errorResponse('404: no such document, or the caller may not read it.'),
  Conflict: errorResponse('409: refused because of the document’s state (e.g. a duplicate comment, a disabled webhook endpoint).'),
  PayloadTooLarge: errorResponse('413: the request body is over the limit (2 MB; 25 MB for media uploads).'),
  TooManyRequests: errorResponse('429: too many requests from this reader; try again after `Retry-After` seconds.', {
    'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
  }),
}

const ref = (name: string) => ({ $ref: `#/components/responses/${name}` })

/** Internal collections (jobs, KV, preferences, locks, migrations) are the admin panel's, not a site's. */
const isInternalPath = (path: string) => /^\/api\/payload-/.test(path) || path === '/api/globals/payload-jobs-stats'

/**
 * Completes payload-oapi's document: error components and the error responses each operation can give, JWT
 * bearer and cookie auth, and no internal collections.
 */
export const addErrorResponses = (document: Document, draftSchemas: string[] = []): Document => {
  const components = (document.components ??= {})
  components.schemas = { ...components.schemas, ...ENDPOINT_SCHEMAS, Error: errorSchema }
  components.responses = { ...components.responses, ...ERROR_RESPONSES }
  components.securitySchemes = {
    ...components.securitySchemes,
    JWT: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`JWT <token>`, the token from `POST /api/users/login`.' },
    Cookie: { type: 'apiKey', in: 'cookie', name: 'payload-token', description: 'The cookie `POST /api/users/login` sets (admin panel, same-site front ends).' },
  }
  const paths = document.paths ?? {}
  // A collection endpoint on `/` (comments submit) replaces Payload's create: one path item, ours winning.
  for (const path of Object.keys(paths)) {
    if (path.length > 1 && path.endsWith('/') && paths[path.slice(0, -1)]) {
      paths[path.slice(0, -1)] = { ...paths[path.slice(0, -1)], ...paths[path] }
      delete paths[path]
    }
  }
  // The generator shares operation and responses objects between methods: each gets its own copy first.
  for (const item of Object.values(paths)) {
    for (const method of METHODS) {
      const operation = item?.[method] as Operation | undefined
      if (operation) (item as Record<string, unknown>)[method] = { ...operation, responses: { ...operation.responses } }
    }
  }
  // payload-oapi 0.3.0 swaps the by-id answers: Payload returns the document itself to GET /{id}, and the
  // envelope ({doc, message}) to PATCH and DELETE /{id}.
  for (const [path, item] of Object.entries(paths)) {
    if (!path.endsWith('/{id}') || !item) continue
    for (const method of ['get', 'patch', 'delete'] as const) {
      const operation = item[method] as Operation | undefined
      const ok = (operation?.responses as Record<string, any> | undefined)?.['200']
      if (typeof ok?.$ref !== 'string') continue
      const name = ok.$ref.split('/').pop() as string
      const plain = name.replace(/^Mutate/, '')
      const wanted = method === 'get' ? plain : `Mutate${plain}`
      if (wanted !== name && components.responses[wanted]) operation!.responses = { ...operation!.responses, '200': { $ref: `#/components/responses/${wanted}` } }
    }
  }
  // Logged-in users carry `_strategy` and other auth properties beside their fields (login, me, refresh).
  for (const name of ['User']) {
    const schema = components.schemas[name] as OpenAPIV3_1.SchemaObject | undefined
    if (schema) schema.additionalProperties = true
    // The login answer's user is read without hooks: its time stamps may come back empty.
    for (const stamp of ['createdAt', 'updatedAt']) {
      const property = schema?.properties?.[stamp] as OpenAPIV3_1.SchemaObject | undefined
      if (property) property.type = ['string', 'null']
    }
  }
  // GET /api/users/me: `user` is null for an anonymous caller, and Payload adds the strategy that authenticated.
  for (const [name, schema] of Object.entries(components.schemas) as Array<[string, OpenAPIV3_1.SchemaObject]>) {
    if (!name.endsWith('Me') || !schema.properties?.user) continue
    schema.properties.user = { anyOf: [schema.properties.user as OpenAPIV3_1.SchemaObject, { type: 'null' }] }
    schema.properties.strategy = { type: 'string' }
  }
  for (const name of draftSchemas) relaxForDrafts(components.schemas[name] as OpenAPIV3_1.SchemaObject | undefined)
  for (const path of Object.keys(paths)) {
    if (isInternalPath(path)) {
      delete paths[path]
      continue
    }
    const item = paths[path]!
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined
      if (!operation) continue
      // The generator shares one responses object between operations; each gets its own before we add to it.
      const responses = (operation.responses = { ...operation.responses })
      const add = (status: string, name: string) => {
        if (!responses[status]) responses[status] = ref(name)
      }
      // Every route refuses a malformed address (an id or query that is not percent-encoding, hostile query
      // strings) with a 400 (src/http/guardRequest.ts), and a list's where/sort on a field the caller cannot read.
      add('400', 'ValidationError')
      if (method !== 'get' && method !== 'delete') add('413', 'PayloadTooLarge')
      // Logins are throttled per address (src/security): 429 with Retry-After.
      if (method === 'post' && path.endsWith('/login')) add('429', 'TooManyRequests')
      add('401', 'Unauthorized')
      add('403', 'Forbidden')
      if (path.includes('{')) add('404', 'NotFound')
      // Who may call it: JWT header or cookie (public endpoints keep their empty requirement).
      const generatedKey = operation.security?.some((requirement) => 'ApiKey' in requirement)
      if (generatedKey) operation.security = [{ JWT: [] }, { Cookie: [] }]
    }
  }
  return document
}

/** A draft may be saved without its required fields: in collections with drafts only `id` is sure to be there. */
const relaxForDrafts = (schema: OpenAPIV3_1.SchemaObject | undefined) => {
  if (!schema?.properties) return
  schema.required = (schema.required ?? []).filter((name) => ['id', 'createdAt', 'updatedAt'].includes(name))
  for (const property of Object.values(schema.properties) as Array<Record<string, any>>) {
    if (typeof property.type === 'string') property.type = [property.type, 'null']
    else if (Array.isArray(property.type) && !property.type.includes('null')) property.type = [...property.type, 'null']
    if (Array.isArray(property.enum) && !property.enum.includes(null)) property.enum = [...property.enum, null]
  }
}
