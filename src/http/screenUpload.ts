/**
 * What an uploaded file is, read from its bytes (never its name or the client's Content-Type), and whether it is
 * an image this site serves: JPEG, PNG, WebP, GIF or AVIF. SVG (it can carry scripts that run on our origin), HTML
 * and anything else are refused, and so is an image whose header claims more pixels than the server will decode
 * (a decompression bomb), before any decoding.
 */
import { fileTypeFromBuffer } from 'file-type'
import sharp from 'sharp'

export const ALLOWED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'] as const
/** Largest image decoded: 50 megapixels, and no side over 20,000 pixels. */
export const MAX_IMAGE_PIXELS = 50_000_000
export const MAX_IMAGE_SIDE = 20_000

export type UploadVerdict = { ok: true; mime: (typeof ALLOWED_IMAGE_TYPES)[number] } | { ok: false; reason: string }

export const screenUpload = async (bytes: Buffer): Promise<UploadVerdict> => {
  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined)
  const mime = detected?.mime
  if (!mime || !(ALLOWED_IMAGE_TYPES as readonly string[]).includes(mime)) {
    return { ok: false, reason: `Only JPEG, PNG, WebP, GIF and AVIF images can be uploaded; this file is ${mime ?? 'not an image this site can read'}.` }
  }
  // The header alone (no decoding) tells the dimensions.
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata().catch(() => undefined)
  if (!meta?.width || !meta.height) return { ok: false, reason: 'The image cannot be read.' }
  if (meta.width > MAX_IMAGE_SIDE || meta.height > MAX_IMAGE_SIDE || meta.width * meta.height > MAX_IMAGE_PIXELS) {
    return { ok: false, reason: `The image is too large to process (${meta.width} × ${meta.height} pixels; at most ${MAX_IMAGE_SIDE} per side and ${MAX_IMAGE_PIXELS / 1e6} megapixels).` }
  }
  return { ok: true, mime: mime as (typeof ALLOWED_IMAGE_TYPES)[number] }
}
