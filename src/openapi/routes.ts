import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import type { Endpoint } from 'payload'

import { buildOpenApiDocument } from './document'

const require = createRequire(import.meta.url)
const swaggerUiDir = () => path.dirname(require.resolve('swagger-ui-dist/package.json'))

/** Swagger UI's files we serve, from the swagger-ui-dist package (no CDN: the CSP allows our origin only). */
const ASSETS: Record<string, { file: string; type: string }> = {
  'swagger-ui.css': { file: 'swagger-ui.css', type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { file: 'swagger-ui-bundle.js', type: 'text/javascript; charset=utf-8' },
}

const docsPage = (api: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>payload-newsroom REST API</title>
<link rel="stylesheet" href="${api}/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${api}/docs/swagger-ui-bundle.js"></script>
<script src="${api}/docs/init.js"></script>
</body>
</html>`

// A script file rather than inline code, so the page also works under a CSP without 'unsafe-inline'.
const initScript = (api: string) =>
  `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(`${api}/openapi.json`)}, dom_id: '#swagger-ui', deepLinking: true, withCredentials: true });\n`

/** `GET /api/openapi.json` (the generated document) and `GET /api/docs` (Swagger UI over it). Public, like the API's shape. */
export const openApiEndpoints: Endpoint[] = [
  {
    path: '/openapi.json',
    method: 'get',
    handler: async (req) => Response.json(await buildOpenApiDocument(req), { headers: { 'Cache-Control': 'no-store' } }),
  },
  {
    path: '/docs',
    method: 'get',
    handler: (req) => new Response(docsPage(req.payload.config.routes.api), { headers: { 'Content-Type': 'text/html; charset=utf-8' } }),
  },
  {
    path: '/docs/:asset',
    method: 'get',
    handler: (req) => {
      const api = req.payload.config.routes.api
      const name = String(req.routeParams?.asset ?? '')
      if (name === 'init.js') return new Response(initScript(api), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } })
      const asset = ASSETS[name]
      if (!asset) return Response.json({ errors: [{ message: 'Not found.' }] }, { status: 404 })
      const body = fs.readFileSync(path.join(swaggerUiDir(), asset.file))
      return new Response(body, { headers: { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=3600' } })
    },
  },
]
