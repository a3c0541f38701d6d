import { describe, expect, it } from 'vitest'

import { bodyFingerprint } from '../../src/comments/submission'
import { countAttempt, sweepStaleEntries } from '../../src/comments/flood'
import { clientIp, issueFormToken, readFormToken, saltedHash } from '../../src/comments/identity'
import { MESSAGE_CODES, MESSAGES, commentMessage, languageOf } from '../../src/comments/messages'
import { textLength, visibleText } from '../../src/comments/text'

const headers = (values: Record<string, string>) => new Headers(values)

describe('messages', () => {
  it('has every key in English and Chinese', () => {
    for (const code of MESSAGE_CODES) {
      expect(MESSAGES.en[code]).toBeTruthy()
      expect(MESSAGES.zh[code]).toBeTruthy()
    }
  })

  it('picks Chinese from Accept-Language or the request language', () => {
    expect(languageOf({ headers: headers({ 'accept-language': 'zh-TW,zh;q=0.9,en;q=0.8' }) })).toBe('zh')
    expect(languageOf({ headers: headers({ 'accept-language': 'en-GB,zh;q=0.5' }) })).toBe('en')
    expect(languageOf({ i18n: { language: 'zh' } })).toBe('zh')
    expect(languageOf(undefined)).toBe('en')
  })

  it('fills variables and falls back to the generic rejection', () => {
    expect(commentMessage('comment.flood', null, { seconds: 12 })).toContain('12 seconds')
    expect(commentMessage('comment.rejected.something_new', null)).toBe(MESSAGES.en['comment.rejected'])
  })
})

describe('text rules', () => {
  it('ignores invisible characters and counts code points', () => {
    expect(visibleText('\u200b \u2060hi\ufeff ')).toBe('hi')
    expect(textLength('好😀')).toBe(2)
  })

  it('fingerprints bodies alike across case, width, spacing and punctuation', () => {
    expect(bodyFingerprint('Great article!')).toBe(bodyFingerprint('  ＧＲＥＡＴ   article!!! '))
    expect(bodyFingerprint('Great article')).not.toBe(bodyFingerprint('Great articles here'))
    expect(bodyFingerprint('好文章')).toMatch(/^[0-9a-f]{32}$/)
  })
})

describe('identity', () => {
  it('takes the first X-Forwarded-For hop and never returns a raw address in a hash', () => {
    expect(clientIp(headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }))).toBe('203.0.113.7')
    expect(clientIp(headers({ 'x-real-ip': '203.0.113.8' }))).toBe('203.0.113.8')
    const hash = saltedHash('salt', 'ip:203.0.113.7')
    expect(hash).toMatch(/^[0-9a-f]{32}$/)
    expect(saltedHash('other', 'ip:203.0.113.7')).not.toBe(hash)
  })

  it('signs form tokens', () => {
    const token = issueFormToken('secret', 1_700_000_000_000)
    expect(readFormToken('secret', token)).toBe(1_700_000_000_000)
    expect(readFormToken('another secret', token)).toBeUndefined()
    expect(readFormToken('secret', token.replace(/.$/, (c) => (c === '0' ? '1' : '0')))).toBeUndefined()
    expect(readFormToken('secret', 'garbage')).toBeUndefined()
  })
})

describe('flood counter', () => {
  const memoryKV = () => {
    const store = new Map<string, unknown>()
    return {
      get: async <T>(key: string) => (store.has(key) ? (store.get(key) as T) : null),
      set: async (key: string, value: unknown) => void store.set(key, value),
      delete: async (key: string) => void store.delete(key),
      keys: async () => [...store.keys()],
      store,
    }
  }

  it('counts attempts per identity and minute, exactly under concurrency', async () => {
    const kv = memoryKV()
    const now = 10 * 60_000 + 15_000
    const counts = await Promise.all(Array.from({ length: 20 }, () => countAttempt(kv, 'ip:a', now)))
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(counts[0]!.retryAfter).toBe(45)
    expect((await countAttempt(kv, 'ip:b', now)).count).toBe(1)
    // the next minute starts again, in the same entry
    expect((await countAttempt(kv, 'ip:a', now + 60_000)).count).toBe(1)
    expect(kv.store.size).toBe(2)
  })

  it('sweeps the entries of past minutes and keeps the current ones and other keys', async () => {
    const kv = memoryKV()
    const minute = 10 * 60_000
    await countAttempt(kv, 'ip:old', minute - 1)
    await countAttempt(kv, 'ip:now', minute + 1)
    await kv.set('other:key', { window: 1 })
    expect(await sweepStaleEntries(kv, minute + 2)).toBe(1)
    expect([...kv.store.keys()].sort()).toEqual(['flood:ip:now', 'other:key'])
    expect((await countAttempt(kv, 'ip:now', minute + 3)).count).toBe(2)
  })
})
