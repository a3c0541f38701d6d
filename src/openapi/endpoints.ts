import type { OpenAPIV3_1 } from 'openapi-types'
import type { Config, Endpoint } from 'payload'

type Operation = OpenAPIV3_1.OperationObject
const json = (schema: OpenAPIV3_1.SchemaObject | OpenAPIV3_1.ReferenceObject, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
const errors = (...names: Array<[string, string]>) => Object.fromEntries(names.map(([status, name]) => [status, { $ref: `#/components/responses/${name}` }]))
const idParameter: OpenAPIV3_1.ParameterObject = { in: 'path', name: 'id', required: true, schema: { type: 'string' } }
const publicCall: OpenAPIV3_1.SecurityRequirementObject[] = [{}, { JWT: [] }, { Cookie: [] }]
const adminCall: OpenAPIV3_1.SecurityRequirementObject[] = [{ JWT: [] }, { Cookie: [] }]

const outcome: OpenAPIV3_1.SchemaObject = {
  type: 'object',
  required: ['status', 'code', 'message'],
  properties: {
    status: { type: 'string', enum: ['approved', 'pending', 'rejected', 'spam'] },
    code: { type: 'string' },
    message: { type: 'string', description: 'In the reader’s language (Accept-Language: zh or en).' },
  },
}

const threadNode: OpenAPIV3_1.SchemaObject = {
  type: 'object',
  required: ['id', 'body', 'replies'],
  properties: {
    id: { type: ['number', 'string'] },
    body: { type: 'string' },
    replies: { type: 'array', items: { $ref: '#/components/schemas/CommentThreadNode' } },
  },
  additionalProperties: true,
}

const deliveryQueued = json(
  {
    type: 'object',
    required: ['message', 'delivery'],
    properties: {
      message: { type: 'string' },
      delivery: { type: 'object', required: ['id', 'webhookId'], properties: { id: { type: ['number', 'string'] }, webhookId: { type: 'string' } } },
    },
  },
  'Queued; the delivery job sends it within seconds.',
)

/** OpenAPI operations of the newsroom's own endpoints, by collection slug, method and path. */
export const ENDPOINT_DOCUMENTATION: Record<string, Operation> = {
  'comments post /': {
    operationId: 'submitComment',
    summary: 'Submit a reader’s comment',
    description:
      'Guests and logged-in readers. The moderation pipeline decides at once: `outcome.status` is approved, pending (held for a moderator), rejected or spam. Staff fields (`status`, `moderation`, `reports`, `featured`) are ignored for guests.',
    security: publicCall,
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['article', 'body'],
            properties: {
              article: { type: ['number', 'string'] },
              parent: { type: ['number', 'string', 'null'] },
              body: { type: 'string' },
              authorName: { type: 'string' },
              authorEmail: { type: 'string', format: 'email' },
              formToken: { type: 'string', description: 'From `GET /api/comments/form-token`.' },
            },
          },
        },
      },
    },
    responses: {
      '201': json({ type: 'object', required: ['doc', 'message', 'outcome'], properties: { doc: { $ref: '#/components/schemas/Comment' }, message: { type: 'string' }, outcome } }, 'Received; see `outcome`.'),
      ...errors(['400', 'ValidationError'], ['409', 'Conflict'], ['413', 'PayloadTooLarge'], ['429', 'TooManyRequests']),
    },
  },
  'comments get /form-token': {
    operationId: 'commentFormToken',
    summary: 'A signed form token for the comment form',
    description:
      'With `article`, also whether that article takes comments now (as the caller may read it): a page served from a cache learns here that its comments have closed since it was rendered.',
    security: publicCall,
    parameters: [{ name: 'article', in: 'query', required: false, schema: { type: 'string' }, description: 'An article id.' }],
    responses: {
      '200': json(
        {
          type: 'object',
          required: ['token', 'tokenField', 'minSecondsToSubmit'],
          properties: {
            token: { type: 'string' },
            tokenField: { type: 'string' },
            minSecondsToSubmit: { type: 'number' },
            honeypotField: { type: ['string', 'null'] },
            open: { type: 'boolean', description: 'Given `article`: whether it takes comments now.' },
            closed: {
              type: 'object',
              required: ['code', 'message'],
              description: 'Given `article` and `open` false: why (`article.closed`, `article.comments_disabled`, `article.not_published`, `article.not_found`).',
              properties: { code: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
        'Put `token` in the form under `tokenField`; leave `honeypotField` empty.',
      ),
      ...errors(['400', 'ValidationError']),
    },
  },
  'comments post /:id/report': {
    operationId: 'reportComment',
    summary: 'Report a comment',
    description: 'Anyone may report an approved comment once; enough reports hold it for a moderator.',
    security: publicCall,
    parameters: [idParameter],
    requestBody: {
      required: true,
      content: { 'application/json': { schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', enum: ['spam', 'abuse', 'off-topic', 'illegal', 'other'] }, note: { type: 'string' } } } } },
    },
    responses: {
      '201': json({ type: 'object', required: ['message', 'code'], properties: { message: { type: 'string' }, code: { type: 'string' } } }, 'Report received.'),
      ...errors(['400', 'ValidationError'], ['404', 'NotFound'], ['409', 'Conflict'], ['429', 'TooManyRequests']),
    },
  },
  'comments get /counts': {
    operationId: 'commentCounts',
    summary: 'Approved comment counts of several articles',
    security: publicCall,
    parameters: [{ in: 'query', name: 'articles', required: true, description: 'Comma-separated article ids, e.g. `1,2`.', schema: { type: 'string' } }],
    responses: {
      '200': json({ type: 'object', required: ['counts'], properties: { counts: { type: 'object', additionalProperties: { type: 'integer' } } } }, 'Counts by article id.'),
      '304': { description: 'Not modified: the If-None-Match tag is current (ETag, Cache-Control as on 200).' },
      ...errors(['400', 'ValidationError']),
    },
  },
  'articles get /:id/comments': {
    operationId: 'articleCommentThread',
    summary: 'The approved comments of an article, as a thread',
    description: 'Anonymous callers: published articles only. Top-level comments are paged; replies come nested.',
    security: publicCall,
    parameters: [
      idParameter,
      { in: 'query', name: 'page', schema: { type: 'integer', minimum: 1 } },
      { in: 'query', name: 'limit', schema: { type: 'integer', minimum: 1 } },
      { in: 'query', name: 'order', schema: { type: 'string', enum: ['newest', 'oldest'] } },
    ],
    responses: {
      '200': json(
        {
          type: 'object',
          required: ['docs', 'totalDocs', 'page', 'order'],
          properties: {
            docs: { type: 'array', items: { $ref: '#/components/schemas/CommentThreadNode' } },
            totalDocs: { type: 'integer' },
            limit: { type: 'integer' },
            page: { type: 'integer' },
            totalPages: { type: 'integer' },
            hasNextPage: { type: 'boolean' },
            hasPrevPage: { type: 'boolean' },
            order: { type: 'string', enum: ['newest', 'oldest'] },
          },
        },
        'One page of the thread.',
      ),
      '304': { description: 'Not modified: the If-None-Match tag is current (ETag, Cache-Control as on 200).' },
      ...errors(['404', 'NotFound']),
    },
  },
  'articles get /:id/jsonld': {
    operationId: 'articleJsonLd',
    summary: 'schema.org NewsArticle JSON-LD of an article',
    security: publicCall,
    parameters: [idParameter],
    responses: {
      '200': { description: 'JSON-LD with the credit line, source and image credits.', content: { 'application/ld+json': { schema: { type: 'object' } } } },
      '304': { description: 'Not modified: the If-None-Match tag is current (ETag, Cache-Control as on 200).' },
      ...errors(['404', 'NotFound']),
    },
  },
  'webhook-endpoints post /:id/test': {
    operationId: 'sendWebhookTestEvent',
    summary: 'Send a signed `webhook.test` event to an endpoint',
    description: 'Admins only.',
    security: adminCall,
    parameters: [idParameter],
    responses: { '202': deliveryQueued, ...errors(['401', 'Unauthorized'], ['403', 'Forbidden'], ['404', 'NotFound'], ['409', 'Conflict']) },
  },
  'webhook-endpoints post /:id/rotate-secret': {
    operationId: 'rotateWebhookSecret',
    summary: 'Rotate an endpoint’s signing secret',
    description: 'Admins only. The previous secret keeps signing (a second `v1,` signature) for 24 hours.',
    security: adminCall,
    parameters: [idParameter],
    responses: {
      '200': json({ type: 'object', required: ['message', 'doc'], properties: { message: { type: 'string' }, doc: { $ref: '#/components/schemas/WebhookEndpoint' } } }, 'The endpoint with its new secret.'),
      ...errors(['401', 'Unauthorized'], ['403', 'Forbidden'], ['404', 'NotFound']),
    },
  },
  'moderation-models post /retrain': {
    operationId: 'retrainOffenseModel',
    summary: 'Retrain the offence model from the site’s moderator decisions',
    description: 'Admins only. Queues the retraining job (it never runs in the request); answers 200 with `alreadyQueued` when one is waiting.',
    security: adminCall,
    responses: {
      '200': json({ type: 'object', properties: { queued: { type: 'boolean' }, alreadyQueued: { type: 'boolean' } } }, 'A retrain is already waiting.'),
      '202': json({ type: 'object', properties: { queued: { type: 'boolean' }, jobId: { type: 'string' } } }, 'The retrain is queued.'),
      ...errors(['401', 'Unauthorized'], ['403', 'Forbidden']),
    },
  },
  'webhook-deliveries post /:id/resend': {
    operationId: 'resendWebhookDelivery',
    summary: 'Send a delivery’s event again (same `webhook-id`)',
    description: 'Admins only.',
    security: adminCall,
    parameters: [idParameter],
    responses: { '202': deliveryQueued, ...errors(['401', 'Unauthorized'], ['403', 'Forbidden'], ['404', 'NotFound'], ['409', 'Conflict']) },
  },
}

/** Schemas the operations above refer to, added to the document's components. */
export const ENDPOINT_SCHEMAS: Record<string, OpenAPIV3_1.SchemaObject> = { CommentThreadNode: threadNode }

const keyOf = (slug: string, endpoint: Endpoint) => `${slug} ${endpoint.method} ${endpoint.path}`

/** Attaches the documentation above to the collections' endpoints as `custom.openapi`, which payload-oapi reads. */
export const documentEndpoints = (config: Config): Config => ({
  ...config,
  collections: config.collections?.map((collection) => {
    if (!Array.isArray(collection.endpoints)) return collection
    return {
      ...collection,
      endpoints: collection.endpoints.map((endpoint) => {
        const documentation = ENDPOINT_DOCUMENTATION[keyOf(collection.slug, endpoint)]
        if (!documentation || endpoint.custom?.openapi) return endpoint
        return { ...endpoint, custom: { ...endpoint.custom, openapi: documentation } }
      }),
    }
  }),
})
