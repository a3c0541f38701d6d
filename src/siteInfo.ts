import type { PayloadRequest } from 'payload'

import type { SiteInfo } from './attribution'

/** Where the plugin keeps its options inside the Payload config (`config.custom.newsroom`). */
export interface NewsroomRuntimeOptions {
  siteUrl?: string
  siteName?: string
  siteLogoUrl?: string
  siteLanguage?: string
}

/** The publisher's site, as the attribution module needs it. */
export const siteInfo = (req: PayloadRequest): SiteInfo => {
  const options = (req.payload.config.custom?.newsroom ?? {}) as NewsroomRuntimeOptions
  return {
    baseUrl: options.siteUrl || req.payload.config.serverURL || 'http://localhost:3000',
    name: options.siteName || 'Newsroom',
    logoUrl: options.siteLogoUrl ?? null,
    language: options.siteLanguage ?? 'zh-CN',
  }
}
