import { Forbidden, ValidationError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'

import { checkImagePermissions, checkPublishGate, numberImages, type Failure, type ImageToCheck } from '../../src/attribution'
import { EDITORIAL_ROLES, hasRole } from '../../access/roles'
import { articleFieldLabel } from '../../src/i18n'
import { loadSource } from './loadSource'

/**
 * A failure in the editor's language. English uses the module's own message, which names the specifics
 * (the domains expected, the source); other languages use `newsroom:gate.<code>`, plus the image's name.
 */
const translate = (req: PayloadRequest, failure: Failure & { imageName?: string }): string => {
  if ((req.i18n?.language ?? 'en') === 'en') return failure.message
  const key = `newsroom:gate.${failure.code}`
  const translated = req.t ? (req.t as (key: string, vars?: Record<string, unknown>) => string)(key, { ...failure }) : key
  if (!translated || translated === key || translated.endsWith(failure.code)) return failure.message
  return failure.imageName ? `${translated}（${failure.imageName}）` : translated
}

const fieldLabel = (req: PayloadRequest, path: string): string | undefined => {
  const label = articleFieldLabel(path)
  if (!label) return undefined
  return String(req.i18n?.language ?? 'en').startsWith('zh') ? label.zh : label.en
}

const mediaIdOf = (value: unknown): number | string | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return ((value as { id?: number | string }).id ?? null) as number | string | null
  return value as number | string
}

/** Every image of the article (hero and body) with its Source, for the image-permission rule. */
const imagesOf = async (req: PayloadRequest, article: Record<string, any>): Promise<ImageToCheck[]> => {
  const ids = new Set<number | string>()
  const hero = mediaIdOf(article.heroImage)
  if (hero !== null) ids.add(hero)
  for (const image of numberImages(article.content)) {
    const id = mediaIdOf(image.mediaId ?? image.media)
    if (id !== null) ids.add(id)
  }
  if (ids.size === 0) return []
  const found = await req.payload.find({
    collection: 'media',
    where: { id: { in: [...ids] } },
    depth: 1,
    limit: ids.size,
    overrideAccess: true,
    pagination: false,
    req,
  })
  return found.docs.map((media: any) => ({
    id: media.id,
    filename: media.filename,
    alt: media.alt,
    source: media.source && typeof media.source === 'object' ? media.source : null,
  }))
}

/**
 * Publishing a republished or translated article needs an active Source, an original URL on one of its
 * domains, the original's date, the rights to republish (and translate), a passed embargo, and images
 * whose Sources allow reuse. Drafts may be saved incomplete. Authors never publish.
 */
export const enforcePublishGate: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (data._status !== 'published') return data
  if (req.user && !hasRole(req.user, EDITORIAL_ROLES)) {
    throw new Forbidden(req.t)
  }
  const article = { ...originalDoc, ...data }
  const source = await loadSource(req, article.source)
  const images = await imagesOf(req, article)
  const imageName = new Map(images.map((image) => [String(image.id), image.filename || image.alt || String(image.id)]))
  const failures = [
    ...checkPublishGate(article, source, new Date()),
    ...checkImagePermissions(images).map((failure) => ({ ...failure, imageName: imageName.get(String(failure.imageId)) })),
  ]
  if (failures.length > 0) {
    throw new ValidationError(
      {
        collection: 'articles',
        errors: failures.map((failure) => ({
          path: failure.field,
          // The field as the editor knows it ("原文链接"), for the summary line of the refusal.
          label: fieldLabel(req, failure.field),
          message: translate(req, failure),
        })),
      },
      req.t,
    )
  }
  return data
}
