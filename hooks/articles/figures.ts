import type { FieldHook } from 'payload'

import { numberImages } from '../../src/attribution'
import { siteInfo } from '../../src/siteInfo'

/**
 * The `figures` virtual field: the photos placed in the body, numbered in reading order ("图 1", "图 2"…
 * on a Chinese site, "Figure 1"… otherwise), with their captions and credits, so a site can print them.
 */
export const numberFigures: FieldHook = ({ req, siblingData }) => {
  const locale = String(siteInfo(req).language ?? 'zh').toLowerCase().startsWith('zh') ? 'zh' : 'en'
  return numberImages(siblingData?.content, { locale }).map((image) => ({
    number: image.number,
    label: image.label,
    media: image.mediaId,
    caption: image.caption,
    // Present when the body's uploads were populated (depth ≥ 1 reads); the media doc has it otherwise.
    creditLine: (image.media?.creditLine as string | undefined) ?? null,
  }))
}
