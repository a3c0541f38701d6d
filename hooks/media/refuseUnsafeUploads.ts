import { ValidationError, type CollectionBeforeOperationHook } from 'payload'

import { screenUpload } from '../../src/http/screenUpload'

/**
 * beforeOperation of media: the uploaded file must be an image this site serves, judged by its bytes, and small
 * enough to decode; otherwise 400 naming the file, before Payload hands it to the image pipeline.
 */
export const refuseUnsafeUploads: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file?.data) return args
  const verdict = await screenUpload(file.data)
  if (!verdict.ok) throw new ValidationError({ collection: 'media', errors: [{ path: 'file', message: verdict.reason }], req })
  // Payload stores the type it is told; store the one the bytes say.
  file.mimetype = verdict.mime
  return args
}
