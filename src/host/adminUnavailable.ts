import type { NextFunction, Request, Response } from 'express'
import type { Payload } from 'payload'

import { checkHealth } from './health'
import { UNAVAILABLE_RETRY_AFTER_S } from './unavailable'

/** Seconds after which the admin's "database unavailable" page reloads itself. */
export const ADMIN_RETRY_SECONDS = 10

/** The page an editor gets instead of the admin while the database does not answer (English and Chinese, like the admin). */
export const adminUnavailablePage = (): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${ADMIN_RETRY_SECONDS}">
<title>Admin unavailable: the database is not answering</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #222; line-height: 1.5; }
h1 { font-size: 1.4rem; }
code { background: #f3f3f3; padding: 0 .25rem; }
</style>
</head>
<body>
<main>
<h1>The admin is unavailable: the database is not answering</h1>
<p>What was saved before is kept. This page tries again every ${ADMIN_RETRY_SECONDS} seconds and opens the admin as soon as the database is back.</p>
<p>For the operator: <code>GET /healthz</code> answers 503 with the database's message until then; the server log says <code>database connection lost</code>. See docs/operations.md.</p>
<h1 lang="zh">后台暂时无法使用：数据库没有响应</h1>
<p lang="zh">之前保存的内容都在。本页每 ${ADMIN_RETRY_SECONDS} 秒自动重试，数据库恢复后即打开后台。</p>
</main>
</body>
</html>
`

/**
 * GET /admin…: while the database does not answer, a page that says so (503, Retry-After) instead of Next's
 * bare error page: every admin page reads the user and the documents from the database, so none can render. One
 * health round trip (bounded to 3 s) per admin page request; the client-side navigations of the admin fetch the
 * same paths and, getting HTML, load this page in full.
 */
export const guardAdminPages =
  (getPayload: () => Promise<Payload>) =>
  async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !/^\/admin(\/|$|\?)/.test(req.originalUrl)) return next()
    // the database's own message (hosts, ports) stays in /healthz and the log, not on a public page
    const healthy = await getPayload()
      .then((payload) => checkHealth(payload))
      .then((health) => health.status === 'ok')
      .catch(() => false)
    if (healthy) return next()
    res
      .status(503)
      .set('Retry-After', String(UNAVAILABLE_RETRY_AFTER_S))
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(adminUnavailablePage())
  }
