/**
 * Reader-facing messages of the comments pipeline, keyed by stable codes. Their words live in the i18n
 * dictionaries (src/i18n/en.ts, zh.ts: one place per language); Payload's `req.t('newsroom:…')` is used when the
 * request's language is loaded, the dictionaries directly otherwise (Local API calls, tests).
 */
import { DICTIONARIES } from '../i18n'

export type MessageLanguage = 'en' | 'zh'

/** Every message code the pipeline and the endpoints answer with. */
export const MESSAGE_CODES = [
  'comment.approved',
  'comment.pending',
  'comment.rejected',
  'comment.rejected.banned_term',
  'comment.rejected.blocked_author',
  'comment.rejected.empty',
  'comment.body.required',
  'comment.body.too_long',
  'comment.authorName.required',
  'comment.authorName.too_long',
  'comment.authorEmail.required',
  'comment.authorEmail.invalid',
  'comment.article.required',
  'comment.formToken.missing',
  'comment.parent.invalid',
  'comment.duplicate',
  'comment.flood',
  'comment.not_found',
  'article.not_found',
  'article.not_published',
  'article.comments_disabled',
  'article.closed',
  'report.received',
  'report.duplicate',
  'report.reason.invalid',
  'counts.articles.required',
  'counts.articles.too_many',
  'counts.articles.invalid',
] as const satisfies readonly (keyof (typeof DICTIONARIES)['en'])[]

export type MessageCode = (typeof MESSAGE_CODES)[number]

const pick = (language: MessageLanguage) =>
  Object.fromEntries(MESSAGE_CODES.map((code) => [code, DICTIONARIES[language][code]])) as Record<MessageCode, string>

export const MESSAGES: Record<MessageLanguage, Record<MessageCode, string>> = { en: pick('en'), zh: pick('zh') }

const CODE_SET = new Set<string>(MESSAGE_CODES)

type RequestLike = {
  i18n?: { language?: string }
  headers?: { get(name: string): string | null }
  t?: (key: any, vars?: any) => string
}

/** 'zh' when the request's chosen language or its Accept-Language (first listed) is Chinese; else 'en'. */
export const languageOf = (req?: RequestLike | null): MessageLanguage => {
  const accept = req?.headers?.get('accept-language')
  if (accept) {
    const first = accept.split(',')[0]?.trim().toLowerCase() ?? ''
    if (first.startsWith('zh')) return 'zh'
    if (first && first !== '*') return 'en'
  }
  return req?.i18n?.language?.toLowerCase().startsWith('zh') ? 'zh' : 'en'
}

const fill = (text: string, vars: Record<string, unknown>) =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))

/** Falls back from `comment.rejected.x` to `comment.rejected` for codes without their own words. */
export const resolveCode = (code: string): MessageCode => {
  if (CODE_SET.has(code)) return code as MessageCode
  const parent = code.slice(0, code.lastIndexOf('.'))
  return parent && CODE_SET.has(parent) ? (parent as MessageCode) : 'comment.rejected'
}

/** The reader-facing sentence for a code, in the request's language. */
export const commentMessage = (
  code: string,
  req?: RequestLike | null,
  vars: Record<string, unknown> = {},
): string => {
  const key = resolveCode(code)
  const language = languageOf(req)
  if (req?.t && req.i18n?.language === language) {
    const translated = req.t(`newsroom:${key}`, vars)
    if (translated && translated !== `newsroom:${key}` && translated !== key) return translated
  }
  return fill(MESSAGES[language][key], vars)
}
