import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../helpers/app'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp({ label: 'users' })
})
afterAll(async () => {
  await app?.close()
})

describe('users and roles over REST', () => {
  let adminToken: string

  it('makes the first registered user an admin, whatever roles were sent', async () => {
    const response = await app.rest('POST', '/api/users/first-register', {
      body: { email: 'first@example.com', password: 'first-password-123', roles: ['author'] },
    })
    expect(response.status).toBe(200)
    expect(response.body.user.roles).toContain('admin')
    adminToken = response.body.token
  })

  it('refuses a second first-register', async () => {
    const response = await app.rest('POST', '/api/users/first-register', {
      body: { email: 'second@example.com', password: 'second-password-123' },
    })
    expect(response.status).toBe(403)
  })

  it('answers /api/users/me for a logged-in user', async () => {
    const response = await app.rest('GET', '/api/users/me', { token: adminToken })
    expect(response.status).toBe(200)
    expect(response.body.user.email).toBe('first@example.com')
  })

  it('never lists users to anonymous callers', async () => {
    const list = await app.rest('GET', '/api/users')
    expect(list.status).toBe(403)
    const me = await app.rest('GET', '/api/users/me')
    expect(me.body.user).toBeNull()
  })

  it('lets an admin create users with roles', async () => {
    const response = await app.rest('POST', '/api/users', {
      token: adminToken,
      body: { email: 'ed@example.com', password: 'editor-password-1', roles: ['editor'] },
    })
    expect(response.status).toBe(201)
    expect(response.body.doc.roles).toEqual(['editor'])
  })

  it('does not let a non-admin grant themself a role', async () => {
    const { token, id } = await app.userToken('author@example.com', ['author'])
    const response = await app.rest('PATCH', `/api/users/${id}`, {
      token,
      body: { roles: ['admin'], displayName: 'Author Person' },
    })
    expect(response.status).toBe(200)
    const stored = await app.payload.findByID({ collection: 'users', id, overrideAccess: true })
    expect(stored.roles).toEqual(['author'])
    expect(stored.displayName).toBe('Author Person')
  })

  it('lets a user read themself but not other users', async () => {
    const { token, id } = await app.userToken('mod@example.com', ['moderator'])
    const list = await app.rest('GET', '/api/users', { token })
    expect(list.status).toBe(200)
    expect(list.body.docs.map((user: { id: unknown }) => user.id)).toEqual([id])
    const admin = await app.payload.find({ collection: 'users', where: { email: { equals: 'first@example.com' } }, overrideAccess: true })
    const other = await app.rest('GET', `/api/users/${admin.docs[0].id}`, { token })
    expect(other.status).toBe(404)
  })

  it('does not let a non-admin create users', async () => {
    const { token } = await app.userToken('ed2@example.com', ['editor'])
    const response = await app.rest('POST', '/api/users', {
      token,
      body: { email: 'sneaky@example.com', password: 'sneaky-password-1', roles: ['admin'] },
    })
    expect(response.status).toBe(403)
  })

  it('locks an account after five failed logins', async () => {
    await app.userToken('locked@example.com', ['author'], 'the-right-password')
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await app.rest('POST', '/api/users/login', { body: { email: 'locked@example.com', password: 'wrong' } })
      expect(wrong.status).toBe(401)
    }
    const right = await app.rest('POST', '/api/users/login', {
      body: { email: 'locked@example.com', password: 'the-right-password' },
    })
    expect(right.status).toBe(401)
    expect(JSON.stringify(right.body)).toMatch(/locked/i)
  })
})
