import { APIError, ValidationError, type CollectionBeforeOperationHook, type Field, type GlobalBeforeOperationHook, type PayloadRequest } from 'payload'

import { storedIdOf } from '../src/http/ids'
import { typeProblems } from '../src/http/screenData'

/**
 * Data a caller sends to create or update a document or a global: not an object (a form body Payload does not
 * read, a JSON string) is a 400, and so is an object with a field of the wrong type (a number where text belongs),
 * naming the fields, instead of failing deeper down as a 500.
 */
const screenData = (data: unknown, fields: readonly Field[], req: PayloadRequest, owner: { collection: string } | { global: string }) => {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const message = req.i18n?.language === 'zh' ? '请求内容必须是 JSON 对象（或上传用的 multipart 表单）。' : 'The request body must be a JSON object (or a multipart form for uploads).'
    throw new APIError(message, 400, undefined, true)
  }
  // The server's own writes (Local API) are typed by their authors; screen what callers send.
  if (req.payloadAPI === 'local') return
  const problems = typeProblems(fields, data as Record<string, unknown>, (value) => storedIdOf(req.payload, value) !== undefined)
  if (problems.length) throw new ValidationError({ ...owner, errors: problems, req })
}

/** beforeOperation of every collection of ours: {@link screenData} on creates and updates. */
export const refuseMissingData: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  screenData((args as { data?: unknown }).data, collection.fields, req, { collection: collection.slug })
  return args
}

/** beforeOperation of our globals (the site and moderation settings): {@link screenData} on updates. */
export const refuseMissingGlobalData: GlobalBeforeOperationHook = ({ args, global, operation, req }) => {
  if (operation !== 'update') return args
  screenData((args as { data?: unknown }).data, global.fields, req, { global: global.slug })
  return args
}
