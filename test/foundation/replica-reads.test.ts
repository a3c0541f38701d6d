/**
 * Only in `npm run test:postgres -- --replica` (DATABASE_REPLICA_URIS set): proof that the suite's anonymous reads
 * really go to the streaming replica, and that staff reads stay on the primary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { replicaPoolsOf } from '../../src/host/replicas'
import { publishArticle } from '../comments/helpers'
import { startTestApp, type TestApp } from '../helpers/app'

const onReplica = Boolean(process.env.DATABASE_REPLICA_URIS) && /^postgres/.test(process.env.DATABASE_URI ?? '')

describe.runIf(onReplica)('the suite with reads on a replica', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ label: 'replica_reads' })
  })
  afterAll(async () => app?.close())

  it('sends anonymous reads to the replica and staff reads to the primary', async () => {
    const pools = replicaPoolsOf(app.payload) as unknown as Array<{ query: (...args: unknown[]) => unknown }>
    expect(pools).toHaveLength(1)
    // count the queries the replica's pool runs (drizzle sends each through pool.query)
    let onReplica = 0
    const query = pools[0]!.query
    pools[0]!.query = function counted(this: unknown, ...args: unknown[]) {
      onReplica++
      return query.apply(this, args)
    }
    const { token } = await app.userToken('editor@example.com', ['editor'])
    const article = await publishArticle(app)
    expect((await app.rest('GET', `/api/articles/${article.id}`, { token })).status).toBe(200)
    expect(onReplica).toBe(0)
    const anonymous = await app.rest('GET', `/api/articles/${article.id}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.id).toBe(article.id)
    expect(onReplica).toBeGreaterThan(0)
  })
})
