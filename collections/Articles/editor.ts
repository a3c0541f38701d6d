import { UploadFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

/** Article body: Lexical with images placed through upload nodes that carry a caption. */
export const articleContentEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.filter((feature) => feature.key !== 'upload'),
    UploadFeature({
      collections: {
        media: {
          fields: [{ name: 'caption', type: 'text' }],
        },
      },
    }),
  ],
})
