import { initI18n } from '@payloadcms/translations'
import { en as payloadEn } from '@payloadcms/translations/languages/en'
import { zh as payloadZh } from '@payloadcms/translations/languages/zh'
import type { Config } from 'payload'
import { describe, expect, it } from 'vitest'

import { newsroomPlugin } from '../../src'
import { en, zh } from '../../src/i18n'

/** Payload's own `t`, configured the way the app configures it, plus what the plugin adds. */
const tFor = async (language: 'en' | 'zh') => {
  const config = newsroomPlugin()({
    collections: [],
    i18n: { fallbackLanguage: 'en', supportedLanguages: { en: payloadEn, zh: payloadZh } },
  } as unknown as Config)
  const i18n = await initI18n({ config: config.i18n as never, context: 'api', language })
  return i18n.t as unknown as (key: string, vars?: Record<string, unknown>) => string
}

describe("our texts through Payload's t()", () => {
  it('answers newsroom:gate.<code> in the request language, as the publish gate asks for it', async () => {
    expect((await tFor('zh'))('newsroom:gate.original-url-missing')).toBe(zh['gate.original-url-missing'])
    expect((await tFor('en'))('newsroom:gate.original-url-missing')).toBe(en['gate.original-url-missing'])
  })

  it('fills {{vars}} in the answers to guests', async () => {
    expect((await tFor('zh'))('newsroom:comment.flood', { seconds: 30 })).toBe('评论太频繁了，请 30 秒后再试。')
    expect((await tFor('en'))('newsroom:comment.body.too_long', { max: 5000 })).toBe('Your comment is too long: at most 5000 characters, please.')
  })

  it("keeps Payload's own Chinese texts", async () => {
    const t = await tFor('zh')
    expect(t('general:save')).toBe(payloadZh.translations.general.save)
  })
})
