import type { OpenAPIV3_1 } from 'openapi-types'
import type { PayloadRequest } from 'payload'
// payload-oapi's generator (its plugin would register the same handler; we post-process the document it builds).
import { generateV31Spec } from 'payload-oapi/dist/openapi/generators.js'

import { addErrorResponses } from './errors'

export const OPENAPI_METADATA = {
  title: 'payload-newsroom REST API',
  version: '0.1.0',
  description:
    'Generated from the collection configs on every request. Collections, globals, auth and the newsroom endpoints ' +
    '(comments, reports, JSON-LD, webhooks). Authenticate with `Authorization: JWT <token>` from `POST /api/users/login`, ' +
    'or the `payload-token` cookie.',
}

/** The OpenAPI 3.1 document of this app's REST API, generated from the running config. */
export const buildOpenApiDocument = async (req: Pick<PayloadRequest, 'payload' | 'protocol' | 'headers'>): Promise<OpenAPIV3_1.Document> => {
  const document = (await generateV31Spec(req as PayloadRequest, {
    openapiVersion: '3.1',
    metadata: OPENAPI_METADATA,
    authEndpoint: '/openapi-auth',
    filters: {},
    apiBasePath: null,
  })) as OpenAPIV3_1.Document
  // Schema names are the collections' singular labels in PascalCase (payload-oapi's naming), e.g. Article.
  const draftSchemas = req.payload.config.collections
    .filter((collection) => typeof collection.versions === 'object' && collection.versions?.drafts)
    .map((collection) => Object.entries(document.components?.schemas ?? {}).find(([, schema]) => (schema as { title?: string }).title === schemaTitle(collection))?.[0])
    .filter((name): name is string => Boolean(name))
  const withErrors = addErrorResponses(document, draftSchemas)
  // A field with read access of its own (a moderation model's weights, an offence score) is left out for callers who
  // may not read it: the generator still marks it required.
  const schemas = (withErrors.components?.schemas ?? {}) as Record<string, OpenAPIV3_1.SchemaObject>
  for (const collection of req.payload.config.collections) {
    const schema = Object.values(schemas).find((candidate) => candidate.title === schemaTitle(collection))
    if (!schema?.required) continue
    const guarded = new Set(
      (collection.fields as Array<{ name?: string; access?: { read?: unknown }; hidden?: boolean }>).flatMap((field) =>
        field.name && (field.access?.read || field.hidden) ? [field.name] : [],
      ),
    )
    schema.required = schema.required.filter((name) => !guarded.has(name))
  }
  return withErrors
}

const schemaTitle = (collection: { labels?: { singular?: unknown }; slug: string }) => {
  const singular = collection.labels?.singular
  if (typeof singular === 'string') return singular
  if (singular && typeof singular === 'object' && 'en' in singular) return String((singular as { en: unknown }).en)
  return collection.slug
}
