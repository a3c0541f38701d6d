import type { TestApp } from '../helpers/app'

export interface Newsroom {
  admin: string
  editor: string
  author: string
  authorId: number | string
  otherAuthor: string
  moderator: string
}

/** Logs in one user of each role. */
export const staff = async (app: TestApp): Promise<Newsroom> => {
  const admin = await app.userToken('admin@example.com', ['admin'])
  const editor = await app.userToken('editor@example.com', ['editor'])
  const author = await app.userToken('author@example.com', ['author'])
  const otherAuthor = await app.userToken('author2@example.com', ['author'])
  const moderator = await app.userToken('moderator@example.com', ['moderator'])
  return {
    admin: admin.token,
    editor: editor.token,
    author: author.token,
    authorId: author.id,
    otherAuthor: otherAuthor.token,
    moderator: moderator.token,
  }
}

export const haiwaiSource = {
  name: '海外掘金',
  homepage: 'https://www.haiwaijuejin.example',
  domains: ['haiwaijuejin.example'],
  license: 'permission',
  permissionEvidence: 'E-mail from the editor-in-chief, 2026-03-02: may republish with credit.',
  copyrightHolder: '海外掘金传媒',
  creditTemplate: '来源: {source} · 原文链接 {url}',
}

/** A republished article that passes the publish gate with the source above. */
export const republished = (source: number | string, extra: Record<string, unknown> = {}) => ({
  title: '澳洲央行宣布加息',
  origin: 'republished',
  source,
  originalUrl: 'https://news.haiwaijuejin.example/2026/11/rba-rates',
  originalTitle: 'RBA lifts rates',
  originalPublishedAt: '2026-11-30T01:00:00.000Z',
  authors: '张三',
  ...extra,
})
