import crypto from 'node:crypto'

import type { Payload } from 'payload'
import sharp from 'sharp'

import { createModerator, type ModerationPolicy } from '../moderation'
import { lexical, paragraph, photo } from './content'

export interface SeedOptions {
  /** Called with a short line as each step starts. */
  progress?: (step: number, total: number, label: string) => void
  /** Passwords for the demo users; generated (and returned) when absent. */
  passwords?: Partial<Record<'admin' | 'editor' | 'moderator', string>>
  emails?: Partial<Record<'admin' | 'editor' | 'moderator', string>>
}

export interface SeedResult {
  users: { role: string; email: string; password: string | null }[]
  counts: Record<string, number>
}

/** The demo moderation policy (the one the moderation benchmark uses). */
export const DEMO_POLICY: Required<Omit<ModerationPolicy, 'allowTerms'>> & { allowTerms: string[] } = {
  bannedTerms: ['fuck', 'shit', 'bitch', 'asshole', 'cunt', 'bastard', 'dickhead', 'motherfucker', 'whore', 'slut', '傻逼', '操你妈', '草泥马', '狗日的', '王八蛋', '贱人', '去死吧', '他妈的'],
  suspectTerms: ['idiot', 'moron', 'stupid', '白痴', '脑残'],
  spamTerms: ['viagra', 'casino', '代开发票', '加微信', '兼职日结', '博彩'],
  allowTerms: ['Scunthorpe'],
  maxLinks: 1,
}

const STEPS = 8

const one = async (payload: Payload, collection: 'users' | 'sources' | 'articles' | 'media' | 'comments' | 'sections' | 'tags', where: object) => {
  const found = await payload.find({ collection, where: where as never, limit: 1, depth: 0, overrideAccess: true, draft: true } as never)
  return (found as { docs: { id: number | string }[] }).docs[0]
}

/**
 * Idempotent demo data: users of each role, moderation settings, two sources, credited photos, articles in
 * Chinese and English (original, republished, translated) and comments in every moderation state. Running it
 * again changes nothing that exists (passwords included).
 */
export const seed = async (payload: Payload, options: SeedOptions = {}): Promise<SeedResult> => {
  const progress = options.progress ?? (() => undefined)
  const counts: Record<string, number> = { users: 0, sources: 0, media: 0, sections: 0, tags: 0, articles: 0, comments: 0 }

  progress(1, STEPS, 'users')
  const users: SeedResult['users'] = []
  const ids: Record<string, number | string> = {}
  for (const role of ['admin', 'editor', 'moderator'] as const) {
    const email = options.emails?.[role] ?? `${role}@newsroom.local`
    const existing = await one(payload, 'users', { email: { equals: email } })
    if (existing) {
      ids[role] = existing.id
      users.push({ role, email, password: null })
      continue
    }
    const password = options.passwords?.[role] ?? crypto.randomBytes(9).toString('base64url')
    const created = await payload.create({
      collection: 'users',
      data: { email, password, roles: [role], displayName: { admin: '总编', editor: '编辑小王', moderator: '审核员' }[role] } as never,
      overrideAccess: true,
    })
    ids[role] = created.id
    users.push({ role, email, password })
    counts.users++
  }

  progress(2, STEPS, 'moderation settings')
  await payload.updateGlobal({ slug: 'moderation-settings', data: { ...DEMO_POLICY, mode: 'post' } as never, overrideAccess: true })

  progress(3, STEPS, 'sources')
  const sourceIds: Record<string, number | string> = {}
  const sources = [
    {
      key: 'juejin',
      name: '海外掘金',
      homepage: 'https://www.haiwaijuejin.example',
      domains: ['haiwaijuejin.example'],
      license: 'permission',
      permissionEvidence: 'Agreement by e-mail with the managing editor, 2026-03-02: republish with credit and photos.',
      copyrightHolder: '海外掘金传媒',
      creditTemplate: '来源: {source} · 原文链接',
      seoPolicy: 'noindex-news',
    },
    {
      key: 'wire',
      name: 'Pacific Wire',
      homepage: 'https://pacificwire.example',
      domains: ['pacificwire.example'],
      license: 'wire',
      permissionEvidence: 'Wire subscription PW-2026-118, renewed yearly.',
      copyrightHolder: 'Pacific Wire Ltd',
      creditTemplate: '来源: {source}（{author}）',
      seoPolicy: 'canonical-self',
      rightsWindowDays: 365,
    },
  ]
  for (const { key, ...data } of sources) {
    const existing = await one(payload, 'sources', { name: { equals: data.name } })
    sourceIds[key] = existing?.id ?? (await payload.create({ collection: 'sources', data: data as never, overrideAccess: true })).id
    if (!existing) counts.sources++
  }

  progress(4, STEPS, 'photos')
  const mediaIds: Record<string, number | string> = {}
  const photos = [
    { key: 'harbour', alt: '悉尼港的清晨', caption: '悉尼港的清晨', creator: '李摄影', colour: '#2f5d8a', source: null },
    { key: 'bank', alt: 'Reserve Bank of Australia building', caption: '澳洲储备银行大楼', creator: null, colour: '#7a6a4f', source: 'juejin' },
    { key: 'lab', alt: '硅谷一家人工智能实验室', caption: '硅谷一家人工智能实验室', creator: '海外掘金', colour: '#3c6e47', source: 'juejin' },
    { key: 'campus', alt: '斯坦福大学校园', caption: '斯坦福大学校园一角', creator: '海外掘金', colour: '#8c3b2e', source: 'juejin' },
    { key: 'lion', alt: '唐人街舞狮表演', caption: '唐人街的舞狮表演', creator: '李摄影', colour: '#b08d1e', source: null },
  ]
  for (const item of photos) {
    const filename = `seed-${item.key}.jpg`
    // Looked up by alt text: the upload may have been renamed (seed-harbour-1.jpg) if the file existed.
    const existing = await one(payload, 'media', { alt: { equals: item.alt } })
    if (existing) {
      mediaIds[item.key] = existing.id
      continue
    }
    const data = await sharp({ create: { width: 1600, height: 900, channels: 3, background: item.colour } }).jpeg({ quality: 70 }).toBuffer()
    const created = await payload.create({
      collection: 'media',
      data: { alt: item.alt, caption: item.caption, creator: item.creator, source: item.source ? sourceIds[item.source] : null } as never,
      file: { data, mimetype: 'image/jpeg', name: filename, size: data.length },
      overrideAccess: true,
    })
    mediaIds[item.key] = created.id
    counts.media++
  }

  progress(5, STEPS, 'sections, tags and site settings')
  const sectionIds: Record<string, number | string> = {}
  const sections = [
    { key: 'au', name: '澳洲新闻', nameEn: 'Australia', order: 1, description: '澳大利亚的政治、经济与社会。' },
    { key: 'world', name: '国际新闻', nameEn: 'World', order: 2, description: '世界各地的新闻。' },
    { key: 'tech', name: '科技', nameEn: 'Technology', order: 3, description: '人工智能、互联网与科学。' },
    { key: 'community', name: '社区', nameEn: 'Community', order: 4, description: '华人社区的活动与生活。', parent: 'au' },
  ]
  for (const { key, parent, ...data } of sections) {
    const existing = await one(payload, 'sections', { name: { equals: data.name } })
    sectionIds[key] =
      existing?.id ??
      (await payload.create({ collection: 'sections', data: { ...data, parent: parent ? sectionIds[parent] : undefined } as never, overrideAccess: true })).id
    if (!existing) counts.sections++
  }
  const tagIds: Record<string, number | string> = {}
  for (const [key, name] of Object.entries({ rates: '利率', ai: '人工智能', festival: '春节', climate: '气候', housing: 'Housing' })) {
    const existing = await one(payload, 'tags', { name: { equals: name } })
    tagIds[key] = existing?.id ?? (await payload.create({ collection: 'tags', data: { name } as never, overrideAccess: true })).id
    if (!existing) counts.tags++
  }
  await payload.updateGlobal({
    slug: 'site-settings',
    data: {
      siteName: '环球新闻',
      slogan: '最好看的新闻,最实用的信息',
      language: 'zh-CN',
      news: { publicationName: '环球新闻', publicationLanguage: 'zh-cn' },
      navigation: [sectionIds.au, sectionIds.world, sectionIds.tech, sectionIds.community],
      footer: { copyrightHolder: '环球新闻传媒 Pty Ltd.', privacyUrl: '/privacy', contactUrl: '/contact', advertisingUrl: '/advertising', joinUrl: '/jobs', sitemapUrl: '/sitemap.xml' },
      contact: { phone: '+61 2 5550 1234', email: 'contact@newsroom.local', newsTipEmail: 'tips@newsroom.local' },
    } as never,
    overrideAccess: true,
  })

  progress(6, STEPS, 'articles')
  const day = 86_400_000
  const articles = [
    {
      title: '澳洲央行宣布加息25个基点',
      origin: 'republished',
      source: sourceIds.juejin,
      originalUrl: 'https://news.haiwaijuejin.example/2026/11/rba-rate-rise',
      originalTitle: '澳洲央行再度加息',
      originalPublishedAt: new Date(Date.now() - 2 * day).toISOString(),
      originalAuthor: '陈记者',
      authors: '编辑小王',
      excerpt: '澳洲储备银行周二宣布将现金利率上调25个基点。',
      heroImage: mediaIds.bank,
      section: sectionIds.au,
      tags: [tagIds.rates, tagIds.housing],
      content: lexical(
        paragraph('澳洲储备银行周二宣布将现金利率上调25个基点，为今年第三次加息。'),
        photo(mediaIds.bank, '澳洲储备银行大楼'),
        paragraph('分析人士认为，通胀压力仍然是央行决策的主要考虑。'),
        photo(mediaIds.harbour, '悉尼港的清晨'),
      ),
    },
    {
      title: '悉尼华人社区举办新春庙会',
      origin: 'original',
      authors: '编辑小王',
      excerpt: '数千名市民参加了周末的新春庙会。',
      heroImage: mediaIds.harbour,
      section: sectionIds.community,
      sections: [sectionIds.au],
      tags: [tagIds.festival],
      content: lexical(paragraph('数千名市民周末来到悉尼唐人街，参加一年一度的新春庙会。'), photo(mediaIds.harbour, '庙会当天的悉尼港')),
    },
    {
      title: '太平洋岛国领导人峰会闭幕',
      origin: 'translated',
      source: sourceIds.wire,
      originalUrl: 'https://pacificwire.example/world/2026/11/30/islands-forum-closes',
      originalTitle: 'Pacific Islands Forum closes with climate pledge',
      originalPublishedAt: new Date(Date.now() - day).toISOString(),
      originalAuthor: 'Mere Tuilagi',
      translator: '审核员',
      authors: 'Mere Tuilagi',
      section: sectionIds.world,
      tags: [tagIds.climate],
      content: lexical(paragraph('太平洋岛国论坛领导人会议周五闭幕，各国承诺加强气候合作。')),
    },
    {
      title: 'Housing approvals climb for a third month',
      origin: 'original',
      authors: 'Newsroom staff',
      excerpt: 'Approvals rose 4.2% in October.',
      section: sectionIds.au,
      tags: [tagIds.housing],
      content: lexical(paragraph('Dwelling approvals rose 4.2% in October, the third monthly rise in a row.')),
    },
    {
      title: '从ChatGPT到Sora,在美国搞人工智能的华人,为什么不愿意回国?',
      origin: 'republished',
      source: sourceIds.juejin,
      originalUrl: 'https://news.haiwaijuejin.example/2026/11/ai-researchers',
      originalTitle: '在美国搞人工智能的华人',
      originalPublishedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
      originalAuthor: '海外掘金',
      authors: '编辑小王',
      excerpt: '硅谷的人工智能实验室里，华人研究者的身影随处可见。',
      heroImage: mediaIds.lab,
      section: sectionIds.tech,
      sections: [sectionIds.world],
      tags: [tagIds.ai],
      content: lexical(
        paragraph('从ChatGPT到Sora，硅谷最受关注的人工智能项目背后，都有华人研究者的身影。'),
        photo(mediaIds.lab, '硅谷一家人工智能实验室'),
        paragraph('他们大多在美国读完博士，随后进入大型科技公司或创业公司。'),
        photo(mediaIds.campus, '斯坦福大学校园一角'),
        paragraph('谈到是否回国，受访者给出的理由各不相同：研究环境、家庭与签证都在其中。'),
        photo(mediaIds.harbour, '一位受访者在旧金山湾区的住所附近'),
      ),
    },
    {
      title: '唐人街舞狮队迎来新一代传人',
      origin: 'original',
      authors: '李摄影',
      excerpt: '一群中学生加入了有六十年历史的舞狮队。',
      heroImage: mediaIds.lion,
      section: sectionIds.community,
      tags: [tagIds.festival],
      content: lexical(
        paragraph('每个周六上午，唐人街的一间仓库里都会传出锣鼓声。'),
        photo(mediaIds.lion, '唐人街的舞狮表演'),
        paragraph('舞狮队的教练说，今年报名的中学生比往年多了一倍。'),
        photo(mediaIds.harbour, '训练结束后，队员们在港口合影'),
      ),
    },
  ]
  const articleIds: (number | string)[] = []
  for (const data of articles) {
    const existing = await one(payload, 'articles', { title: { equals: data.title } })
    if (existing) {
      articleIds.push(existing.id)
      continue
    }
    const created = await payload.create({ collection: 'articles', data: { ...data, _status: 'published' } as never, overrideAccess: true })
    articleIds.push(created.id)
    counts.articles++
  }

  progress(7, STEPS, 'comments')
  const moderator = createModerator(DEMO_POLICY)
  const comments = [
    { article: 0, authorName: '悉尼老陈', authorEmail: 'chen@example.com', body: '加息对房贷影响太大了，希望明年能降下来。' },
    { article: 0, authorName: 'Amy', authorEmail: 'amy@example.com', body: 'Fixed rates look sensible right now.', replyTo: 0 },
    { article: 0, authorName: '路人甲', authorEmail: 'luren@example.com', body: '写这篇的人是白痴吧' },
    { article: 0, authorName: 'troll', authorEmail: 'troll@example.com', body: '作者就是个傻 逼' },
    { article: 0, authorName: '发财', authorEmail: 'spam@example.com', body: '兼职日结，加微信 abc123 了解 https://casino.example' },
    { article: 1, authorName: 'Linda', authorEmail: 'linda@example.com', body: '庙会的舞狮表演太精彩了！' },
    { article: 3, authorName: 'Sam', authorEmail: 'sam@example.com', body: 'What a stupid policy, honestly.' },
    { article: 3, authorName: 'Grace', authorEmail: 'grace@example.com', body: 'I grew up in Scunthorpe and this rings true.' },
    { article: 4, authorName: 'wtf', authorEmail: 'wtf@example.com', body: '都不给注册' },
    { article: 4, authorName: '湾区码农', authorEmail: 'bay@example.com', body: '签证是最大的问题。\n家里人也在这边，回去反而不习惯。' },
    { article: 4, authorName: '北京读者', authorEmail: 'bj@example.com', body: '国内的机会其实也很多。', replyTo: 9 },
  ]
  const statusOf = { approve: 'approved', hold: 'pending', spam: 'spam', reject: 'rejected' } as const
  const commentIds: (number | string)[] = []
  for (const item of comments) {
    const article = articleIds[item.article]
    const existing = await one(payload, 'comments', { and: [{ article: { equals: article } }, { body: { equals: item.body } }] })
    if (existing) {
      commentIds.push(existing.id)
      continue
    }
    const result = moderator.check({ body: item.body, authorName: item.authorName, authorEmail: item.authorEmail })
    const created = await payload.create({
      collection: 'comments',
      data: {
        article,
        parent: item.replyTo !== undefined ? commentIds[item.replyTo] : undefined,
        authorName: item.authorName,
        authorEmail: item.authorEmail,
        body: item.body,
        status: statusOf[result.verdict],
        moderation: { verdict: result.verdict, score: result.score, reasons: result.reasons, decidedBy: 'system', decidedAt: new Date().toISOString() },
      } as never,
      overrideAccess: true,
      context: { skipCommentPipeline: true },
    })
    commentIds.push(created.id)
    counts.comments++
  }

  progress(8, STEPS, 'done')
  return { users, counts }
}
