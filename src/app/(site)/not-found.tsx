import React from 'react'

import { loadSite } from '../../site/settings'

/** 404 in the site's language (drafts, embargoed and unpublished articles end here too). */
export default async function NotFound() {
  const { words } = await loadSite()
  return (
    <section className="block not-found">
      <h1>{words.notFoundTitle}</h1>
      <p>{words.notFoundBody}</p>
      <p>
        <a href="/">{words.backHome}</a>
      </p>
    </section>
  )
}
