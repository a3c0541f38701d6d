import { en, type NewsroomDictionary, type NewsroomKey } from './en'
import { zh } from './zh'

export { en, zh }
export type { NewsroomDictionary, NewsroomKey }

/** Languages our texts exist in (Payload's `en` and `zh`). */
export const NEWSROOM_LANGUAGES = ['en', 'zh'] as const
export type NewsroomLanguage = (typeof NEWSROOM_LANGUAGES)[number]

export const DICTIONARIES: Record<NewsroomLanguage, NewsroomDictionary> = { en, zh }

/** Payload's `i18n.translations`: our texts as the `newsroom` namespace (`t('newsroom:<key>')`). */
export const newsroomTranslations = { en: { newsroom: en }, zh: { newsroom: zh } }

/** A static Payload label `{ en, zh }` for a key, or undefined when either language lacks it. */
export const labelFor = (key: string): { en: string; zh: string } | undefined => {
  const english = (en as Record<string, string>)[key]
  const chinese = (zh as Record<string, string>)[key]
  return english && chinese ? { en: english, zh: chinese } : undefined
}

/** Our text for a key in a language (English when the language is not ours); the key when unknown. */
export const text = (language: string | undefined, key: NewsroomKey | string): string => {
  const dictionary = language?.toLowerCase().startsWith('zh') ? zh : en
  return (dictionary as Record<string, string>)[key] ?? (en as Record<string, string>)[key] ?? key
}

/**
 * The label `{ en, zh }` of an article field path as the publish gate reports it (`originalUrl`,
 * `source.permissionEvidence` → the Source's field), for `ValidationError` errors' `label` and the admin.
 */
export const articleFieldLabel = (path: string): { en: string; zh: string } | undefined => {
  if (path.startsWith('source.')) {
    const sourceLabel = labelFor('collection.sources.singular')
    const field = labelFor(`field.sources.${path.slice('source.'.length)}`)
    if (sourceLabel && field) return { en: `${sourceLabel.en}: ${field.en}`, zh: `${sourceLabel.zh}：${field.zh}` }
  }
  return labelFor(`field.articles.${path}`) ?? (path === 'images' ? labelFor('field.articles.heroImage') : undefined)
}
