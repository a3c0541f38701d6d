import type { CollectionConfig } from 'payload'

import { articleReadAccess, articleUpdateAccess } from '../../access/articles'
import { isEditor } from '../../access/isStaff'
import { isEditorOrAuthor } from '../../access/publicRead'
import { articleContentEditor } from './editor'
import { enforcePublishGate } from '../../hooks/articles/enforcePublishGate'
import { requireSectionToPublish } from '../../hooks/articles/requireSectionToPublish'
import { numberFigures } from '../../hooks/articles/figures'
import { keepCommentCount } from '../../hooks/articles/keepCommentCount'
import { stampAttribution } from '../../hooks/articles/stampAttribution'
import { uniqueSlug } from '../../hooks/uniqueSlug'
import { articleJsonLdEndpoint } from '../../src/endpoints/articleJsonLd'
import { articleCommentsEndpoint } from '../../src/comments/endpoints/articleComments'

export const ARTICLES_SLUG = 'articles'

const readOnly = { create: () => false, update: () => false }

/** A story: written here (`original`) or republished/translated from a Source with stamped attribution. */
export const Articles: CollectionConfig = {
  slug: ARTICLES_SLUG,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'origin', 'source', '_status', 'commentCount', 'updatedAt'],
  },
  versions: {
    drafts: { autosave: { interval: 2000 }, schedulePublish: true },
    maxPerDoc: 50,
  },
  access: {
    read: articleReadAccess,
    readVersions: isEditorOrAuthor,
    create: isEditorOrAuthor,
    update: articleUpdateAccess,
    delete: isEditor,
  },
  hooks: {
    beforeValidate: [uniqueSlug('title')],
    // Stamp first (so the gate sees the computed attribution), then refuse what may not be published.
    beforeChange: [stampAttribution, enforcePublishGate, requireSectionToPublish],
    afterChange: [keepCommentCount],
  },
  endpoints: [articleJsonLdEndpoint, articleCommentsEndpoint],
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 300 },
    { name: 'slug', type: 'text', unique: true, index: true, admin: { position: 'sidebar' } },
    { name: 'excerpt', type: 'textarea' },
    { name: 'content', type: 'richText', editor: articleContentEditor },
    {
      name: 'figures',
      type: 'json',
      virtual: true,
      admin: { hidden: true },
      hooks: { afterRead: [numberFigures] },
    },
    { name: 'heroImage', type: 'upload', relationTo: 'media' },
    { name: 'authors', type: 'text', admin: { description: 'Byline as printed.' } },
    {
      name: 'origin',
      type: 'select',
      required: true,
      defaultValue: 'original',
      options: ['original', 'republished', 'translated'].map((value) => ({ label: value, value })),
    },
    { name: 'source', type: 'relationship', relationTo: 'sources', index: true },
    // The primary section (the article's place on the site; needed to publish once the site has sections), more sections, tags.
    { name: 'section', type: 'relationship', relationTo: 'sections', index: true, admin: { position: 'sidebar' } },
    { name: 'sections', type: 'relationship', relationTo: 'sections', hasMany: true, admin: { position: 'sidebar' } },
    { name: 'tags', type: 'relationship', relationTo: 'tags', hasMany: true, admin: { position: 'sidebar', allowCreate: true } },
    { name: 'originalUrl', type: 'text' },
    { name: 'originalTitle', type: 'text' },
    { name: 'originalPublishedAt', type: 'date' },
    { name: 'originalAuthor', type: 'text' },
    { name: 'translator', type: 'text' },
    { name: 'publishedAt', type: 'date', index: true, admin: { position: 'sidebar', readOnly: true } },
    { name: 'embargoedUntil', type: 'date', admin: { position: 'sidebar' } },
    { name: 'allowComments', type: 'checkbox', defaultValue: true, admin: { position: 'sidebar' } },
    { name: 'commentsCloseAt', type: 'date', admin: { position: 'sidebar' } },
    {
      name: 'commentCount',
      type: 'number',
      defaultValue: 0,
      access: readOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    { name: 'lastCommentAt', type: 'date', access: readOnly, admin: { position: 'sidebar', readOnly: true } },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      access: readOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'statusNote',
      type: 'text',
      access: readOnly,
      admin: { position: 'sidebar', readOnly: true, description: 'Why the system last changed the status.' },
    },
    {
      name: 'attribution',
      type: 'group',
      access: readOnly,
      admin: { readOnly: true, description: 'Stamped from the Source on every save. Cannot be edited.' },
      fields: [
        { name: 'creditLine', type: 'text' },
        { name: 'sourceName', type: 'text' },
        { name: 'sourceUrl', type: 'text' },
        { name: 'originalUrl', type: 'text' },
        { name: 'license', type: 'text' },
        { name: 'licenseUrl', type: 'text' },
        { name: 'copyrightNotice', type: 'text' },
        { name: 'canonicalUrl', type: 'text' },
        { name: 'robots', type: 'text' },
        { name: 'stampedAt', type: 'date' },
      ],
    },
  ],
}
