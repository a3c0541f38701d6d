/** The people of the browser tests (created by globalSetup over REST). */
export interface E2EUser {
  email: string
  password: string
  roles: string[]
  displayName: string
}

const password = 'E2e-Password-2026!'

export const E2E_USERS = {
  admin: { email: 'admin@e2e.test', password, roles: ['admin'], displayName: 'Admin' },
  editor: { email: 'editor@e2e.test', password, roles: ['editor'], displayName: '王编辑' },
  moderator: { email: 'moderator@e2e.test', password, roles: ['moderator'], displayName: '李审核' },
  author: { email: 'author@e2e.test', password, roles: ['author'], displayName: '张作者' },
} satisfies Record<string, E2EUser>
