import sharp from 'sharp'

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

/** A small JPEG carrying agency credits the way photo desks embed them: XMP (IPTC Core) and EXIF. */
export const creditedJpeg = () => {
  const xmp = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">
<dc:creator><rdf:Seq><rdf:li>李摄影</rdf:li></rdf:Seq></dc:creator>
<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© 2026 Harbour Photo Agency</rdf:li></rdf:Alt></dc:rights>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Sydney Harbour at dawn</rdf:li></rdf:Alt></dc:description>
<photoshop:Credit>Harbour Photo Agency</photoshop:Credit>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`
  return sharp({ create: { width: 1600, height: 900, channels: 3, background: '#3366aa' } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Li Sheying', Copyright: '(c) Harbour Photo Agency' } })
    .withXmp(xmp)
    .toBuffer()
}
