import type { CollectionConfig, Config, Field } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { newsroomPlugin } from '../../src/index'
import { startTestApp, type TestApp } from '../helpers/app'

const calls: string[] = []

/** A host's own collection with its own hook, which must keep working beside the plugin. */
const Pages: CollectionConfig = {
  slug: 'pages',
  access: { read: () => true, create: () => true },
  hooks: {
    beforeChange: [
      ({ data }) => {
        calls.push('pages.beforeChange')
        return { ...data, title: String(data.title).trim() }
      },
    ],
  },
  fields: [{ name: 'title', type: 'text', required: true }],
}

const fieldNames = (fields: Field[]): string[] =>
  fields.flatMap((field) => ('name' in field ? [field.name, ...('fields' in field ? fieldNames(field.fields as Field[]).map((n) => `${field.name}.${n}`) : [])] : []))

describe('newsroomPlugin composes into a host config', () => {
  it('keeps the host collections, globals and admin settings', () => {
    const host: Config = {
      secret: 'x',
      collections: [Pages],
      globals: [{ slug: 'site', fields: [{ name: 'name', type: 'text' }] }],
      admin: { meta: { titleSuffix: ' · Host' } },
    } as Config
    const out = newsroomPlugin()(host)
    expect(out.collections!.map((c) => c.slug)).toEqual(['pages', 'users', 'articles', 'media', 'comments', 'sources', 'webhook-endpoints', 'webhook-deliveries', 'moderation-examples', 'moderation-models', 'sections', 'tags'])
    expect(out.collections![0]).toBe(Pages)
    expect(out.globals!.map((g) => g.slug)).toEqual(['site', 'moderation-settings', 'site-settings'])
    expect(out.admin?.meta?.titleSuffix).toBe(' · Host')
    expect(host.collections).toEqual([Pages])
  })

  it('extends a host auth collection named by usersCollection: host hooks first, access wrapped', async () => {
    const order: string[] = []
    const Staff: CollectionConfig = {
      slug: 'staff',
      auth: true,
      access: { read: () => ({ email: { like: '@example.com' } }) },
      hooks: { beforeChange: [({ data }) => (order.push('host'), data)] },
      fields: [{ name: 'nickname', type: 'text' }],
    }
    const out = newsroomPlugin({ usersCollection: 'staff' })({ secret: 'x', collections: [Staff] } as Config)
    const staff = out.collections!.find((c) => c.slug === 'staff')!
    expect(out.collections!.some((c) => c.slug === 'users')).toBe(false)
    expect(fieldNames(staff.fields)).toEqual(expect.arrayContaining(['nickname', 'roles']))
    expect(staff.hooks!.beforeChange![0]).toBe(Staff.hooks!.beforeChange![0])
    // the host's hook, then ours: the server's timestamps and first-user-is-admin
    expect(staff.hooks!.beforeChange!.length).toBe(3)
    // relationships of our collections now point at the host's auth collection
    const articles = out.collections!.find((c) => c.slug === 'articles')!
    expect(articles.fields.find((f) => 'name' in f && f.name === 'createdBy')).toMatchObject({ relationTo: 'staff' })
    // access is the intersection: anonymous → false (ours), admin → host's where
    const read = staff.access!.read!
    expect(await read({ req: { user: null } } as never)).toBe(false)
    expect(await read({ req: { user: { id: 1, roles: ['admin'] } } } as never)).toEqual({ email: { like: '@example.com' } })
    expect(await read({ req: { user: { id: 7, roles: ['author'] } } } as never)).toEqual({
      and: [{ email: { like: '@example.com' } }, { id: { equals: 7 } }],
    })
  })

  it('refuses a usersCollection that does not exist or has no auth', () => {
    expect(() => newsroomPlugin({ usersCollection: 'nope' })({ secret: 'x' } as Config)).toThrow(/"nope" is not a collection/)
    expect(() => newsroomPlugin({ usersCollection: 'pages' })({ secret: 'x', collections: [Pages] } as Config)).toThrow(
      /must have auth/,
    )
  })

  it('disabled: keeps every collection and field, drops hooks and endpoints', () => {
    const on = newsroomPlugin()({ secret: 'x' } as Config)
    const off = newsroomPlugin({ disabled: true })({ secret: 'x' } as Config)
    expect(off.collections!.map((c) => c.slug)).toEqual(on.collections!.map((c) => c.slug))
    for (const [index, collection] of off.collections!.entries()) {
      expect(fieldNames(collection.fields)).toEqual(fieldNames(on.collections![index].fields))
      expect(Object.values(collection.hooks ?? {}).flat()).toEqual([])
      expect(collection.endpoints ?? []).toEqual([])
    }
    expect(Object.values(on.collections!.find((c) => c.slug === 'users')!.hooks!).flat().length).toBeGreaterThan(0)
  })
})

describe('a running host app with the plugin', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ label: 'plugin', collections: [Pages] })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('serves the host collection with its hook, and the plugin collections', async () => {
    const page = await app.rest('POST', '/api/pages', { body: { title: '  About us  ' } })
    expect(page.status).toBe(201)
    expect(page.body.doc.title).toBe('About us')
    expect(calls).toContain('pages.beforeChange')
    const articles = await app.rest('GET', '/api/articles')
    expect(articles.status).toBe(200)
    expect(articles.body.docs).toEqual([])
  })
})
