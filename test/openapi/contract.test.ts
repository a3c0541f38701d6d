import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { newsroomPlugin } from '../../src/index'
import { startTestApp, type TestApp } from '../helpers/app'
import { createContract } from '../helpers/contract'

let app: TestApp
let document: any

beforeAll(async () => {
  app = await startTestApp({ label: 'openapi_contract', contract: true })
  const response = await app.rest('GET', '/api/openapi.json')
  expect(response.status).toBe(200)
  document = response.body
})
afterAll(async () => {
  await app?.close()
})

const siteCollections = () => Object.keys(app.payload.collections).filter((slug) => !slug.startsWith('payload-'))

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0')
    const result = await new Validator().validate(document)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('describes every collection’s REST operations and every field of its documents', () => {
    for (const slug of siteCollections()) {
      const list = document.paths[`/api/${slug}`]
      const byId = document.paths[`/api/${slug}/{id}`]
      expect(Object.keys(list ?? {}), slug).toEqual(expect.arrayContaining(['get', 'post']))
      expect(Object.keys(byId ?? {}), slug).toEqual(expect.arrayContaining(['get', 'patch', 'delete']))
      expect(list.get.parameters.map((parameter: any) => parameter.name)).toEqual(expect.arrayContaining(['where', 'limit', 'page', 'sort', 'depth']))
      // The document follows the config: a field added to a collection shows up in its schema.
      const responseName = byId.get.responses['200'].$ref.split('/').pop()
      const schema = document.components.schemas[document.components.responses[responseName].content['application/json'].schema.$ref.split('/').pop()]
      const fields = (app.payload.collections as Record<string, any>)[slug].config.flattenedFields
        .filter((field: any) => field.name && field.type !== 'ui' && !field.hidden && field.name !== 'password')
        .map((field: any) => field.name)
      expect(Object.keys(schema.properties), slug).toEqual(expect.arrayContaining(fields))
    }
  })

  it('documents every custom endpoint the plugin adds, with its responses', () => {
    // The plugin's own collections, before Payload adds its built-in endpoints (which the generator covers).
    const ours = newsroomPlugin()({ collections: [] } as never).collections ?? []
    for (const { slug, endpoints } of ours) {
      for (const endpoint of Array.isArray(endpoints) ? endpoints : []) {
        const path = `/api/${slug}${endpoint.path === '/' ? '' : endpoint.path.replace(/:([^/]+)/g, '{$1}')}`
        const operation = document.paths[path]?.[endpoint.method]
        expect(operation, `${endpoint.method.toUpperCase()} ${path} is not in the document`).toBeDefined()
        expect(Object.keys(operation.responses).length).toBeGreaterThan(1)
      }
    }
  })

  it('has the auth operations, globals, security schemes and error shapes', () => {
    expect(document.paths['/api/users/login']?.post).toBeDefined()
    expect(document.paths['/api/globals/moderation-settings']?.get).toBeDefined()
    expect(document.components.securitySchemes).toMatchObject({ JWT: { in: 'header', name: 'Authorization' }, Cookie: { in: 'cookie', name: 'payload-token' } })
    expect(document.components.responses.TooManyRequests.headers['Retry-After']).toBeDefined()
    expect(document.paths['/api/comments'].post.responses['429']).toBeDefined()
    expect(document.paths['/api/articles'].post.responses['400']).toEqual({ $ref: '#/components/responses/ValidationError' })
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/api/payload-'))).toEqual([])
  })
})

describe('the contract check of the REST helper', () => {
  it('passes documented answers and fails a response the document does not describe', async () => {
    const login = await app.rest('POST', '/api/users/login', { body: { email: 'nobody@contract.test', password: 'wrong password' } })
    expect(login.status).toBe(401)
    const { token } = await app.userToken('admin@contract.test', ['admin'])
    expect((await app.rest('GET', '/api/articles?limit=5', { token })).status).toBe(200)
    expect((await app.rest('GET', '/api/webhook-endpoints/999999', { token })).status).toBe(404)
    const refused = await app.rest('POST', '/api/sources', { token, body: { license: 'no-such-licence' } })
    expect(refused.status).toBe(400)
    // The same checker refuses what the document does not describe: a wrong body, an undocumented status.
    const contract = createContract(document)
    expect(contract.check('GET', '/api/comments/form-token', 200, 'application/json', { token: 5 })?.problem).toMatch(/token must be string/)
    expect(contract.check('GET', '/api/comments/form-token', 418, 'application/json', {})?.problem).toMatch(/not in the document/)
    expect(contract.check('GET', '/api/comments/form-token', 200, 'application/json', { token: 't', tokenField: 'f', minSecondsToSubmit: 3, honeypotField: null })).toBeNull()
  })
})

describe('GET /api/docs', () => {
  it('serves Swagger UI and its files from our own origin', async () => {
    const page = await app.rest('GET', '/api/docs')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(page.body).toContain('/api/docs/swagger-ui-bundle.js')
    expect(page.body).not.toMatch(/https?:\/\//)
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui.css', 'init.js']) expect((await app.rest('GET', `/api/docs/${asset}`)).status).toBe(200)
    expect((await app.rest('GET', '/api/docs/../../package.json')).status).not.toBe(200)
  })
})
