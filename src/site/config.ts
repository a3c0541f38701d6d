/**
 * Where the reader site finds the CMS. `CMS_URL`: the CMS's base URL when the site runs as a separate deployment;
 * unset, the site reads its own server (the Express host it runs in) over loopback.
 * `CMS_PUBLIC_URL`: the CMS as readers' browsers reach it (comment form, photos); unset, same origin as the site.
 */
export const cmsUrl = (): string => (process.env.CMS_URL || `http://127.0.0.1:${process.env.PORT || 3000}`).replace(/\/+$/, '')

export const cmsPublicUrl = (): string => (process.env.CMS_PUBLIC_URL || (process.env.CMS_URL ?? '')).replace(/\/+$/, '')

/** The site's own public base URL (canonical links, feeds, sitemaps): the settings' choice is the deployment's `SITE_URL`. */
export const siteUrl = (): string => (process.env.SITE_URL || process.env.SERVER_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, '')

/** Time zone for dates shown to readers (`SITE_TIMEZONE`, default Asia/Shanghai). */
export const siteTimeZone = (): string => process.env.SITE_TIMEZONE || 'Asia/Shanghai'

/** `SITE_CACHE=off` reads the CMS on every request (benchmarks, debugging); default on. */
export const siteCacheEnabled = (): boolean => process.env.SITE_CACHE !== 'off'
