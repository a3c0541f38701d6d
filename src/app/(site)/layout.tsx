/* The reader site's root layout: header (name, slogan, date, navigation, search), footer from the site settings. */
import type { Metadata } from 'next'
import React from 'react'

import { Today } from '../../site/components/Today'
import { siteTimeZone, siteUrl } from '../../site/config'
import { formatDate } from '../../site/format'
import { loadSite, sectionName } from '../../site/settings'
import './site.css'

export const generateMetadata = async (): Promise<Metadata> => {
  const site = await loadSite()
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: site.slogan ? `${site.name} - ${site.slogan}` : site.name, template: `%s - ${site.name}` },
    alternates: { types: { 'application/rss+xml': '/feed.xml' } },
  }
}

const FooterLink = ({ href, children }: { href?: string | null; children: React.ReactNode }) =>
  href ? <a href={href}>{children}</a> : null

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  // No connection(): the article, home, section and tag pages are kept whole in the full-route cache (rendered on
  // a reader's first request, never at build time) until the outbox revalidates a tag they show.
  const site = await loadSite()
  const { words, settings } = site
  const footer = settings.footer ?? {}
  const contact = settings.contact ?? {}
  return (
    <html lang={site.language}>
      <body>
        <header className="site-header">
          <div className="masthead">
            <a className="site-name" href="/">
              {site.name}
            </a>
            {site.slogan ? <span className="slogan">{site.slogan}</span> : null}
            <Today rendered={formatDate(new Date().toISOString())} timeZone={siteTimeZone()} />
          </div>
          <nav aria-label={words.home} className="site-nav">
            <a href="/">{words.home}</a>
            {site.navigation.map((section) => (
              <a href={`/sections/${section.slug}`} key={section.id}>
                {sectionName(section, site.isChinese)}
              </a>
            ))}
            <form action="/search" className="search" method="get" role="search">
              <input aria-label={words.searchPlaceholder} name="q" placeholder={words.searchPlaceholder} type="search" />
              <button type="submit">{words.search}</button>
            </form>
          </nav>
        </header>
        <main className="site-main">{children}</main>
        <footer className="site-footer">
          <p>
            {words.copyright(footer.copyrightHolder || site.name)}{' '}
            <FooterLink href={footer.privacyUrl}>{words.privacy}</FooterLink> <FooterLink href={footer.contactUrl}>{words.contact}</FooterLink>{' '}
            <FooterLink href={footer.advertisingUrl}>{words.advertising}</FooterLink> <FooterLink href={footer.joinUrl}>{words.join}</FooterLink>
          </p>
          <p>
            {contact.phone ? (
              <span>
                {words.phone}: {contact.phone}{' '}
              </span>
            ) : null}
            {contact.email ? (
              <span>
                {words.mail}: <a href={`mailto:${contact.email}`}>{contact.email}</a>{' '}
              </span>
            ) : null}
            {contact.newsTipEmail ? (
              <span>
                {words.tips}: <a href={`mailto:${contact.newsTipEmail}`}>{contact.newsTipEmail}</a>{' '}
              </span>
            ) : null}
            <a href={footer.sitemapUrl || '/sitemap.xml'}>{words.sitemap}</a>
          </p>
        </footer>
      </body>
    </html>
  )
}
