import { notFound } from 'next/navigation'

/** Any other path of the site: the site's own 404 page, inside its layout. */
export default function Missing() {
  notFound()
}
