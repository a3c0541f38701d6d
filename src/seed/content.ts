/** Small builders for Lexical JSON, so seed articles have real paragraphs and numbered photos. */

const text = (value: string) => ({ type: 'text', text: value, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })

export const paragraph = (value: string) => ({
  type: 'paragraph',
  children: [text(value)],
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  version: 1,
})

export const photo = (mediaId: number | string, caption: string) => ({
  type: 'upload',
  relationTo: 'media',
  value: mediaId,
  fields: { caption },
  format: '',
  version: 3,
})

export const lexical = (...children: object[]) => ({
  root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 },
})
