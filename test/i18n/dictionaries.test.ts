import fs from 'node:fs'
import path from 'node:path'

import type { CollectionConfig, Config, Field, GlobalConfig } from 'payload'
import { describe, expect, it } from 'vitest'

import { newsroomPlugin } from '../../src'
import { ageOf, highlightSegments, reasonCodes } from '../../src/admin/highlight'
import { MESSAGE_CODES } from '../../src/comments/messages'
import { articleFieldLabel, en, zh } from '../../src/i18n'
import { REASON_CODES } from '../../src/moderation'

const root = path.resolve(__dirname, '../..')
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()

const apply = (options = {}) => newsroomPlugin(options)({ collections: [], globals: [] } as unknown as Config)

const isBilingual = (label: unknown) =>
  typeof label === 'object' && label !== null && typeof (label as any).en === 'string' && (label as any).en.trim() !== '' && typeof (label as any).zh === 'string' && (label as any).zh.trim() !== ''

/** Every named field with its dotted path, recursively (groups, arrays, tabs, rows). */
const walk = (fields: Field[], prefix = ''): { path: string; field: Record<string, any> }[] =>
  fields.flatMap((field: any) => {
    const path = field.name ? `${prefix}${field.name}` : prefix.replace(/\.$/, '')
    const here = field.name ? [{ path, field }] : []
    const childPrefix = field.name ? `${path}.` : prefix
    const children = [
      ...(Array.isArray(field.fields) ? walk(field.fields, childPrefix) : []),
      ...(Array.isArray(field.tabs) ? field.tabs.flatMap((tab: any) => walk(tab.fields, tab.name ? `${childPrefix}${tab.name}.` : childPrefix)) : []),
    ]
    return [...here, ...children]
  })

describe('dictionaries', () => {
  it('have the same keys in English and Chinese', () => {
    const english = Object.keys(en).sort()
    const chinese = Object.keys(zh).sort()
    expect(english.filter((key) => !chinese.includes(key)), 'missing in zh.ts').toEqual([])
    expect(chinese.filter((key) => !english.includes(key)), 'missing in en.ts').toEqual([])
  })

  it('have a non-empty text for every key, with the same {{placeholders}} in both languages', () => {
    for (const [key, value] of Object.entries(en)) {
      const chinese = (zh as Record<string, string>)[key]
      expect(value.trim(), `en ${key}`).not.toBe('')
      expect(chinese?.trim(), `zh ${key}`).not.toBe('')
      expect(placeholders(chinese), `placeholders of ${key}`).toEqual(placeholders(value))
    }
  })

  it('translate every publish-gate and source-validation failure code', () => {
    const types = fs.readFileSync(path.join(root, 'src/attribution/types.ts'), 'utf8')
    const union = types.slice(types.indexOf('export type FailureCode'))
    const codes = [...union.slice(0, union.indexOf('\n\n')).matchAll(/'([a-z-]+)'/g)].map((m) => m[1])
    expect(codes.length).toBeGreaterThan(10)
    expect(codes.filter((code) => !(`gate.${code}` in en))).toEqual([])
  })

  it('name every moderation reason code', () => {
    expect(REASON_CODES.filter((code) => !(`reason.${code}` in en))).toEqual([])
  })

  it('name every field the publish gate reports, for ValidationError labels', () => {
    const gate = fs.readFileSync(path.join(root, 'src/attribution/gate.ts'), 'utf8')
    const fields = [...new Set([...gate.matchAll(/fail\('([\w.]+)'/g)].map((m) => m[1]))]
    // validateSource reports the Source's own fields; the article's gate reports these
    const sourceOwn = ['name', 'license', 'seoPolicy', 'creditTemplate', 'domains', 'homepage', 'licenseUrl', 'rightsWindowDays', 'permissionEvidence']
    const articleFields = fields.filter((field) => !sourceOwn.includes(field))
    expect(articleFields.length).toBeGreaterThan(4)
    expect(articleFields.filter((field) => !articleFieldLabel(field))).toEqual([])
    expect(articleFieldLabel('originalUrl')).toEqual({ en: 'Original URL', zh: '原文链接' })
    expect(articleFieldLabel('source.permissions.republish')).toEqual({ en: 'Source: May republish', zh: '来源：可转载' })
  })

  it('carry every answer the comments pipeline gives guests', () => {
    expect(MESSAGE_CODES.filter((code) => !(code in en))).toEqual([])
  })
})

describe('labels of our collections, fields and options', () => {
  const config = apply()
  const ours = (config.collections ?? []) as CollectionConfig[]

  it('covers our collections and the settings globals', () => {
    expect(ours.map((c) => c.slug).sort()).toEqual(['articles', 'comments', 'media', 'moderation-examples', 'moderation-models', 'sections', 'sources', 'tags', 'users', 'webhook-deliveries', 'webhook-endpoints'])
    for (const collection of ours) {
      expect(isBilingual(collection.labels?.singular), `${collection.slug} singular`).toBe(true)
      expect(isBilingual(collection.labels?.plural), `${collection.slug} plural`).toBe(true)
    }
    for (const slug of ['moderation-settings', 'site-settings']) {
      const settings = (config.globals ?? []).find((g) => g.slug === slug) as GlobalConfig
      expect(isBilingual(settings.label), slug).toBe(true)
    }
  })

  it('shows 文章, 媒体, 评论, 来源, 用户, 栏目 and 标签 in Chinese', () => {
    const zhPlural = Object.fromEntries(ours.map((c) => [c.slug, (c.labels?.plural as any)?.zh]))
    expect(zhPlural).toMatchObject({ articles: '文章', media: '媒体', comments: '评论', sources: '来源', users: '用户', sections: '栏目', tags: '标签', 'webhook-endpoints': 'Webhook 端点', 'webhook-deliveries': 'Webhook 投递' })
  })

  const entities: { slug: string; fields: Field[] }[] = [...ours, ...((config.globals ?? []) as GlobalConfig[])]
  for (const entity of entities) {
    it(`labels every field and option of ${entity.slug} in both languages`, () => {
      const unlabelled: string[] = []
      for (const { path: fieldPath, field } of walk(entity.fields)) {
        if (!isBilingual(field.label)) unlabelled.push(fieldPath)
        for (const option of field.options ?? []) {
          if (typeof option === 'string' || !isBilingual(option.label)) unlabelled.push(`${fieldPath}=${typeof option === 'string' ? option : option.value}`)
        }
        if (typeof field.admin?.description === 'string') unlabelled.push(`${fieldPath} (description)`)
      }
      expect(unlabelled).toEqual([])
    })
  }

  it("labels our fields on a host's own users collection, leaving the host's labels alone", () => {
    const host = newsroomPlugin({ usersCollection: 'staff' })({
      collections: [{ slug: 'staff', auth: true, labels: { singular: 'Staffer', plural: 'Staff' }, fields: [{ name: 'desk', type: 'text' }] }],
    } as unknown as Config)
    const staff = (host.collections ?? []).find((c) => c.slug === 'staff') as CollectionConfig
    expect(staff.labels).toEqual({ singular: 'Staffer', plural: 'Staff' })
    const roles = staff.fields.find((f) => 'name' in f && f.name === 'roles') as any
    expect(roles.label).toEqual({ en: 'Roles', zh: '角色' })
    expect(roles.options.find((o: any) => o.value === 'moderator').label).toEqual({ en: 'Moderator', zh: '审核员' })
    expect((staff.fields.find((f) => 'name' in f && f.name === 'desk') as any).label).toBeUndefined()
  })

  it('registers the translations under the newsroom namespace', () => {
    const translations = config.i18n?.translations as any
    expect(translations.en.newsroom['gate.source-missing']).toBe(en['gate.source-missing'])
    expect(translations.zh.newsroom['gate.source-missing']).toBe(zh['gate.source-missing'])
  })
})

describe('disabled: true', () => {
  const config = apply({ disabled: true })
  const hasComponents = (value: unknown): boolean => {
    if (!value || typeof value !== 'object') return false
    if (Array.isArray(value)) return value.some(hasComponents)
    const record = value as Record<string, any>
    if (record.admin?.components && Object.values(record.admin.components).some((c) => c !== undefined && !(Array.isArray(c) && c.length === 0))) return true
    return ['fields', 'tabs'].some((key) => hasComponents(record[key]))
  }

  it('keeps labels and translations but adds no components or dashboard panels', () => {
    for (const collection of config.collections ?? []) {
      expect(hasComponents(collection), collection.slug).toBe(false)
      expect(typeof collection.admin?.hidden, collection.slug).not.toBe('function')
    }
    expect(config.admin?.components?.beforeDashboard ?? []).toEqual([])
    expect((config.collections ?? []).find((c) => c.slug === 'articles')?.labels?.plural).toEqual({ en: 'Articles', zh: '文章' })
  })

  it('has the same fields as the enabled plugin', () => {
    const enabled = apply()
    const dataFields = (c: CollectionConfig) => walk(c.fields).map(({ path }) => path)
    for (const collection of enabled.collections ?? []) {
      const twin = (config.collections ?? []).find((c) => c.slug === collection.slug)!
      expect(dataFields(twin)).toEqual(dataFields(collection))
    }
  })
})

describe('highlighting matched terms', () => {
  it('marks the reasons’ offsets in the body', () => {
    const body = '这是一个傻 瓜评论'
    const segments = highlightSegments(body, [{ code: 'banned_term', start: 4, end: 7 }])
    expect(segments).toEqual([{ text: '这是一个' }, { text: '傻 瓜', code: 'banned_term' }, { text: '评论' }])
  })

  it('merges overlapping ranges, clips out-of-range ones and ignores reasons without offsets', () => {
    const segments = highlightSegments('abcdefgh', [
      { code: 'suspect_term', start: 1, end: 4 },
      { code: 'spam_term', start: 3, end: 6 },
      { code: 'too_many_links' },
      { code: 'banned_term', start: 7, end: 99 },
    ])
    expect(segments).toEqual([{ text: 'a' }, { text: 'bcdef', code: 'suspect_term' }, { text: 'g' }, { text: 'h', code: 'banned_term' }])
  })

  it('cuts a long body to a window around the first match', () => {
    const body = `${'x'.repeat(300)}BAD${'y'.repeat(300)}`
    const segments = highlightSegments(body, [{ code: 'banned_term', start: 300, end: 303 }], 60)
    expect(segments[0]).toEqual({ text: '…' })
    expect(segments.at(-1)).toEqual({ text: '…' })
    expect(segments.find((s) => s.code)?.text).toBe('BAD')
    expect(segments.map((s) => s.text).join('').length).toBeLessThanOrEqual(62)
  })

  it('lists reason codes once and tells the age', () => {
    expect(reasonCodes([{ code: 'a' }, { code: 'b' }, { code: 'a' }])).toEqual(['a', 'b'])
    const units = { minutes: 'min', hours: 'h', days: 'd' }
    const now = new Date('2026-01-03T00:00:00Z')
    expect(ageOf('2026-01-02T23:55:00Z', now, units)).toBe('5 min')
    expect(ageOf('2026-01-02T20:00:00Z', now, units)).toBe('4 h')
    expect(ageOf('2025-12-30T00:00:00Z', now, units)).toBe('4 d')
  })
})
