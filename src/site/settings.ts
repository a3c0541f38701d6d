import type { Section, SiteSetting } from '../payload-types'
import { getSiteSettings } from './api'
import { wordsFor } from './words'

const DEFAULT_DISCLAIMER_ZH = '网友评论仅供其表达个人看法,并不表明网站立场。'
const DEFAULT_DISCLAIMER_EN = 'Comments are the views of their authors and do not represent the views of this site.'

export interface SiteView {
  name: string
  slogan: string
  language: string
  isChinese: boolean
  navigation: Section[]
  settings: SiteSetting
  disclaimer: string
  words: ReturnType<typeof wordsFor>
}

/** The site as pages show it: the settings win, the deployment's SITE_NAME is the fallback. */
export const loadSite = async (): Promise<SiteView> => {
  let settings: SiteSetting
  try {
    settings = await getSiteSettings()
  } catch (error) {
    // Only the build renders without a CMS (the 404 page); at run time a failed read fails the render, so the
    // full-route cache never keeps a page made without the settings.
    if (process.env.NEXT_PHASE !== 'phase-production-build') throw error
    settings = {} as SiteSetting
  }
  const language = settings.language || 'zh-CN'
  const isChinese = language.toLowerCase().startsWith('zh')
  const navigation = (settings.navigation ?? []).filter((section): section is Section => Boolean(section) && typeof section === 'object')
  return {
    name: settings.siteName || process.env.SITE_NAME || 'Newsroom',
    slogan: settings.slogan || '',
    language,
    isChinese,
    navigation,
    settings,
    disclaimer: (isChinese ? settings.commentDisclaimer || DEFAULT_DISCLAIMER_ZH : settings.commentDisclaimerEn || DEFAULT_DISCLAIMER_EN).trim(),
    words: wordsFor(language),
  }
}

/** A section's name in the site's language (English name when the site speaks English and one is set). */
export const sectionName = (section: Pick<Section, 'name' | 'nameEn'>, isChinese: boolean) => (isChinese ? section.name : section.nameEn || section.name)
