import { describe, expect, it } from 'vitest'
import { formatFigureCaption, lexicalToPlainText, numberImages } from '../../src/attribution'

const text = (t: string) => ({ type: 'text', text: t, format: 0, version: 1 })
const p = (...children: unknown[]) => ({ type: 'paragraph', children, version: 1 })
const upload = (value: unknown, caption?: unknown) => ({ type: 'upload', relationTo: 'media', value, fields: caption === undefined ? {} : { caption }, version: 3 })
const state = (...children: unknown[]) => ({ root: { type: 'root', children, version: 1 } })

const doc = state(
  p(text('开头')),
  upload('m1', '图一说明'),
  { type: 'list', children: [{ type: 'listitem', children: [text('项'), upload({ id: 'm2', url: '/m2.jpg', mimeType: 'image/jpeg', caption: '媒体库说明' })] }] },
  { type: 'quote', children: [upload(3, 'third')] },
  upload({ id: 'pdf', mimeType: 'application/pdf' }, 'not an image'),
  {
    type: 'block',
    fields: {
      blockType: 'image',
      image: 'm4',
      caption: state(p(text('富文本'), text('说明'))),
    },
  },
  {
    type: 'block',
    fields: {
      blockType: 'columns',
      left: state(upload('m5', 'left column')),
      right: state(p(text('x')), upload('m6')),
    },
  },
  { type: 'block', fields: { blockType: 'quote', text: 'no image here' } },
  p(text('结尾'), upload('m7', 'inline in paragraph')),
)

describe('numberImages', () => {
  it('numbers uploads and image blocks in reading order, including nested ones', () => {
    const imgs = numberImages(doc)
    expect(imgs.map((i) => [i.number, i.label, i.kind, i.mediaId, i.caption])).toEqual([
      [1, '图 1', 'upload', 'm1', '图一说明'],
      [2, '图 2', 'upload', 'm2', '媒体库说明'],
      [3, '图 3', 'upload', 3, 'third'],
      [4, '图 4', 'block', 'm4', '富文本说明'],
      [5, '图 5', 'upload', 'm5', 'left column'],
      [6, '图 6', 'upload', 'm6', ''],
      [7, '图 7', 'upload', 'm7', 'inline in paragraph'],
    ])
    expect(imgs[1]!.media).toMatchObject({ id: 'm2', url: '/m2.jpg' })
    expect(imgs[0]!.media).toBeNull()
    expect(imgs[1]!.path).toEqual([2, 0, 1])
    expect(imgs[4]!.path).toEqual([6, 'left', 0])
  })

  it('English labels', () => {
    expect(numberImages(doc, { locale: 'en' }).map((i) => i.label).slice(0, 3)).toEqual(['Figure 1', 'Figure 2', 'Figure 3'])
  })

  it('filters by relationTo and custom block types', () => {
    const s = state(
      { type: 'upload', relationTo: 'documents', value: 'd1', fields: {} },
      upload('m1'),
      { type: 'block', fields: { blockType: 'photo', media: 'm2' } },
    )
    expect(numberImages(s, { relationTo: ['media'] }).map((i) => i.mediaId)).toEqual(['m1'])
    expect(numberImages(s, { imageBlockTypes: ['photo'] }).map((i) => i.mediaId)).toEqual(['d1', 'm1', 'm2'])
  })

  it.each([null, undefined, '', 'not json', 42, {}, { root: null }])('tolerates %j', (input) => {
    expect(numberImages(input)).toEqual([])
  })

  it('accepts a JSON string and a bare root', () => {
    expect(numberImages(JSON.stringify(doc))).toHaveLength(7)
    expect(numberImages(doc.root)).toHaveLength(7)
  })
})

describe('formatFigureCaption / lexicalToPlainText', () => {
  it('formats captions per locale', () => {
    expect(formatFigureCaption({ label: '图 1', caption: '央行大楼' })).toBe('图 1：央行大楼')
    expect(formatFigureCaption({ label: 'Figure 1', caption: 'RBA' }, 'en')).toBe('Figure 1: RBA')
    expect(formatFigureCaption({ label: '图 2', caption: '' })).toBe('图 2')
  })
  it('extracts paragraphs as lines', () => {
    expect(lexicalToPlainText(state(p(text('a'), text(' b')), p(text('c'))))).toBe('a b\nc')
    expect(lexicalToPlainText('  plain  ')).toBe('plain')
    expect(lexicalToPlainText(null)).toBe('')
  })
})
