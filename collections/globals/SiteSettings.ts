import type { GlobalConfig } from 'payload'

import { isEditor } from '../../access/isStaff'
import { anyone } from '../../access/publicRead'

export const SITE_SETTINGS_SLUG = 'site-settings'

export const DEFAULT_COMMENT_DISCLAIMER = '网友评论仅供其表达个人看法,并不表明网站立场。'
export const DEFAULT_COMMENT_DISCLAIMER_EN = 'Comments are the views of their authors and do not represent the views of this site.'

/**
 * What the reader site shows about itself. Public (a site reads it anonymously); admins and editors edit it.
 * Empty fields fall back to the deployment's `SITE_NAME` / `SITE_URL` defaults.
 */
export const SiteSettings: GlobalConfig = {
  slug: SITE_SETTINGS_SLUG,
  access: { read: anyone, update: isEditor },
  fields: [
    { name: 'siteName', type: 'text', maxLength: 100 },
    { name: 'slogan', type: 'text', maxLength: 200 },
    {
      name: 'language',
      type: 'select',
      defaultValue: 'zh-CN',
      required: true,
      options: [
        { label: '简体中文 (zh-CN)', value: 'zh-CN' },
        { label: 'English (en)', value: 'en' },
      ],
    },
    {
      name: 'news',
      type: 'group',
      fields: [
        { name: 'publicationName', type: 'text', maxLength: 100 },
        { name: 'publicationLanguage', type: 'text', defaultValue: 'zh-cn', maxLength: 10 },
      ],
    },
    { name: 'logo', type: 'upload', relationTo: 'media' },
    { name: 'navigation', type: 'relationship', relationTo: 'sections', hasMany: true },
    {
      name: 'footer',
      type: 'group',
      fields: [
        { name: 'copyrightHolder', type: 'text', maxLength: 200 },
        { name: 'privacyUrl', type: 'text' },
        { name: 'contactUrl', type: 'text' },
        { name: 'advertisingUrl', type: 'text' },
        { name: 'joinUrl', type: 'text' },
        { name: 'sitemapUrl', type: 'text', defaultValue: '/sitemap.xml' },
      ],
    },
    {
      name: 'contact',
      type: 'group',
      fields: [
        { name: 'phone', type: 'text', maxLength: 50 },
        { name: 'email', type: 'email' },
        { name: 'newsTipEmail', type: 'email' },
      ],
    },
    { name: 'commentDisclaimer', type: 'textarea', defaultValue: DEFAULT_COMMENT_DISCLAIMER },
    { name: 'commentDisclaimerEn', type: 'textarea', defaultValue: DEFAULT_COMMENT_DISCLAIMER_EN },
  ],
}
