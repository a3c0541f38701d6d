import { APIError, ValidationError, type CollectionBeforeOperationHook } from 'payload'

import { storedIdOf } from '../src/http/ids'
import { typeProblems } from '../src/http/screenData'

/**
 * beforeOperation of every collection: a create or update whose data is not an object (a form body Payload does
 * not read, a JSON string) is 400, and so is one with a field of the wrong type (a number where text belongs),
 * naming the fields, instead of failing deeper down as a 500.
 */
export const refuseMissingData: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args as { data?: unknown }).data
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const message = req.i18n?.language === 'zh' ? '请求内容必须是 JSON 对象（或上传用的 multipart 表单）。' : 'The request body must be a JSON object (or a multipart form for uploads).'
    throw new APIError(message, 400, undefined, true)
  }
  // The server's own writes (Local API) are typed by their authors; screen what callers send.
  if (req.payloadAPI === 'local') return args
  const problems = typeProblems(collection.fields, data as Record<string, unknown>, (value) => storedIdOf(req.payload, value) !== undefined)
  if (problems.length) throw new ValidationError({ collection: collection.slug, errors: problems, req })
  return args
}
