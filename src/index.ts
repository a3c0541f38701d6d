import type { CollectionConfig, CollectionSlug, Config, Field, GlobalConfig } from 'payload'

import { nestedDocsPlugin } from '@payloadcms/plugin-nested-docs'

import { Articles } from '../collections/Articles'
import { Comments } from '../collections/Comments'
import { ModerationSettings } from '../collections/globals/ModerationSettings'
import { ModerationExamples } from '../collections/ModerationExamples'
import { ModerationModels } from '../collections/ModerationModels'
import { scoreTextEndpoint } from './comments/endpoints/scoreText'
import { SiteSettings } from '../collections/globals/SiteSettings'
import { Media } from '../collections/Media'
import { Sections, SECTIONS_SLUG } from '../collections/Sections'
import { Sources } from '../collections/Sources'
import { Tags } from '../collections/Tags'
import { noteLiveArticle, recordArticleDeleted, recordArticleEvents } from '../hooks/outbox/articleEvents'
import { recordCommentDeleted, recordCommentEvents } from '../hooks/outbox/commentEvents'
import { recordSettingsChange, recordTaxonomyChange, recordTaxonomyDeleted } from '../hooks/outbox/taxonomyEvents'
import { Users, USERS_SLUG } from '../collections/Users'
import { WebhookDeliveries } from '../collections/WebhookDeliveries'
import { WebhookEndpoints } from '../collections/WebhookEndpoints'
import { explainInputConflicts } from '../hooks/explainInputConflicts'
import { keepServerGlobalTimestamps, keepServerTimestamps } from '../hooks/keepServerTimestamps'
import { dropCallerIds, refuseImpossibleIds } from '../hooks/refuseImpossibleIds'
import { refuseMissingData, refuseMissingGlobalData } from '../hooks/refuseMissingData'
import { refuseUnreadableWhere } from '../hooks/refuseUnreadableWhere'
import { countFailedLogins, refuseThrottledLogins } from '../hooks/users/throttleLogin'
import { decorateForAdmin } from './admin/decorate'
import { installRecountTriggers, removeRecountTriggers } from './comments/recountTriggers'
import { serializeQueueRuns } from './jobs/kick'
import { newsroomTasks, WEBHOOKS_AUTORUN } from './jobs'
import { documentEndpoints } from './openapi/endpoints'
import { openApiEndpoints } from './openapi/routes'
import { appendHooks, mergeCollection, withoutBehaviour } from './plugin/compose'
import { DEFAULT_GRAPHQL_LIMITS, graphqlLimitRules, type GraphQLLimits } from './security/graphqlLimits'

/** Options of {@link newsroomPlugin}. Every option is optional. */
export interface NewsroomPluginOptions {
  /**
   * Keep every collection, global and field (so the database schema and migrations do not drift) but skip
   * the plugin's hooks, endpoints and admin components. Default `false`.
   */
  disabled?: boolean
  /**
   * Slug of an auth collection the host already has. The plugin then adds `roles` (and its access rules and
   * hooks) to that collection instead of adding its own `users`. Default: the plugin adds `users`.
   */
  usersCollection?: string
  /** Public base URL of the site that shows the articles, used for canonical URLs and JSON-LD. */
  siteUrl?: string
  /** The publisher's name, used in credit lines of original articles and in JSON-LD. */
  siteName?: string
  /** Absolute URL of the publisher's logo, for JSON-LD. */
  siteLogoUrl?: string
  /** BCP 47 language of the site (JSON-LD `inLanguage`). Default `zh-CN`. */
  siteLanguage?: string
  /** Failed logins per minute from one address before it gets 429 (`LOGIN_MAX_FAILURES_PER_MINUTE`). Default 10. */
  loginFailuresPerMinute?: number
  /** GraphQL limits (depth, aliases, Payload's complexity), or `false` to leave the host's as they are. */
  graphQLLimits?: Partial<GraphQLLimits> | false
  /**
   * The reader site's `POST /revalidate` (the host app's own, or a separate deployment's): the outbox tells it
   * which cache tags a committed change touched. Unset: no site is told (other consumers still run).
   */
  siteRevalidateUrl?: string
}

type CollectionHooks = NonNullable<CollectionConfig['hooks']>

/** The outbox's hooks: each records its content event in the change's own transaction (see src/outbox). */
const OUTBOX_HOOKS: Record<string, CollectionHooks> = {
  articles: { beforeChange: [noteLiveArticle], afterChange: [recordArticleEvents], afterDelete: [recordArticleDeleted] },
  comments: { afterChange: [recordCommentEvents], afterDelete: [recordCommentDeleted] },
  sections: { afterChange: [recordTaxonomyChange('section.changed')], afterDelete: [recordTaxonomyDeleted('section.changed')] },
  tags: { afterChange: [recordTaxonomyChange('tag.changed')], afterDelete: [recordTaxonomyDeleted('tag.changed')] },
  sources: { afterChange: [recordTaxonomyChange('source.changed')], afterDelete: [recordTaxonomyDeleted('source.changed')] },
}

/** Sections are a tree: Payload's nested-docs plugin adds `parent` and `breadcrumbs` (labels by name, URLs by slug). */
const sectionsTree = (): CollectionConfig =>
  (
    nestedDocsPlugin({
    collections: [SECTIONS_SLUG as CollectionSlug],
    generateLabel: (_docs, doc) => String(doc.name ?? ''),
    generateURL: (docs) => `/sections/${String(docs.at(-1)?.slug ?? '')}`,
  })({ collections: [Sections] } as Config) as Config
  ).collections![0]

/** The nested-docs plugin names a breadcrumb column in English only: drop that label so ours (en + zh) applies. */
const dropFixedLabels = (fields: Field[]): Field[] =>
  fields.map((field) => {
    const copy = { ...field } as Field & { label?: unknown; fields?: Field[] }
    if ('name' in copy && typeof copy.label === 'string') delete copy.label
    if (Array.isArray(copy.fields)) copy.fields = dropFixedLabels(copy.fields)
    return copy as Field
  })

const withoutFixedLabels = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  fields: collection.fields.map((field) => (field.type === 'array' && field.name === 'breadcrumbs' ? { ...field, fields: dropFixedLabels(field.fields) } : field)),
})

/**
 * The newsroom plugin: adds Articles, Media, Comments, Sources and Users (with roles) and the global
 * `moderation-settings` to a Payload config, without clobbering what the host already defined.
 *
 * ```ts
 * export default buildConfig({ ...host, plugins: [newsroomPlugin({ siteUrl: 'https://example.com' })] })
 * ```
 */
export const newsroomPlugin =
  (options: NewsroomPluginOptions = {}) =>
  (incoming: Config): Config => {
    const config: Config = { ...incoming }
    const usersSlug = options.usersCollection ?? USERS_SLUG
    const hostCollections = config.collections ?? []

    if (options.usersCollection) {
      const host = hostCollections.find((collection) => collection.slug === options.usersCollection)
      if (!host) throw new Error(`newsroomPlugin: usersCollection "${options.usersCollection}" is not a collection of this config`)
      if (!host.auth) throw new Error(`newsroomPlugin: usersCollection "${options.usersCollection}" must have auth enabled`)
    }

    const ours: CollectionConfig[] = [
      { ...Users, slug: usersSlug },
      Articles,
      Media,
      Comments,
      Sources,
      WebhookEndpoints,
      WebhookDeliveries,
      ModerationExamples,
      ModerationModels,
      withoutFixedLabels(sectionsTree()),
      Tags,
    ].map((collection) => retargetUsers(collection, usersSlug))
    // Disabled: schema only. Otherwise ids that cannot be ids answer 404, data of the wrong shape 400, timestamps are
    // the server's (hooks/refuseImpossibleIds.ts, refuseMissingData.ts, keepServerTimestamps.ts), failed logins are
    // throttled per address (src/security/loginThrottle.ts), and changes are announced through the outbox
    // (src/outbox). The host's own collections are left as they are.
    const prepared = ours.map((collection) =>
      options.disabled
        ? withoutBehaviour(collection)
        : withServerGuards({ ...collection, hooks: appendHooks<CollectionHooks>(collection.hooks, OUTBOX_HOOKS[collection.slug]) }, usersSlug),
    )

    const bySlug = new Map(prepared.map((collection) => [collection.slug, collection]))
    const merged = hostCollections.map((host) => {
      const mine = bySlug.get(host.slug)
      if (!mine) return host
      bySlug.delete(host.slug)
      return mergeCollection(host, mine)
    })
    config.collections = [...merged, ...bySlug.values()]

    const siteSettings: GlobalConfig = { ...SiteSettings, hooks: appendHooks(SiteSettings.hooks, { afterChange: [recordSettingsChange] }) }
    // As our collections: data that is not an object, or a field of the wrong type, is a 400 (hooks/refuseMissingData.ts),
    // and the timestamps are the server's (a caller's unparseable createdAt made every later read of the global a 500).
    const guarded = (global: GlobalConfig): GlobalConfig => ({
      ...global,
      hooks: appendHooks(global.hooks, { beforeOperation: [refuseMissingGlobalData], beforeChange: [keepServerGlobalTimestamps] }),
    })
    const globals: GlobalConfig[] = [ModerationSettings, siteSettings].map((global) => (options.disabled ? withoutBehaviour(global) : guarded(global)))
    const hostGlobals = config.globals ?? []
    config.globals = [...hostGlobals, ...globals.filter((global) => !hostGlobals.some((host) => host.slug === global.slug))]

    // POST /api/moderation/score (moderators' offence-score probe).
    if (!options.disabled) config.endpoints = [...(config.endpoints ?? []), scoreTextEndpoint]

    config.admin = { ...config.admin, user: config.admin?.user ?? usersSlug }
    config.custom = {
      ...config.custom,
      newsroom: {
        siteUrl: options.siteUrl,
        siteName: options.siteName,
        siteLogoUrl: options.siteLogoUrl,
        siteLanguage: options.siteLanguage,
        loginFailuresPerMinute: options.loginFailuresPerMinute,
        siteRevalidateUrl: options.siteRevalidateUrl,
      },
    }
    // Failed logins count against the client's address (REST and GraphQL): src/security/loginThrottle.ts.
    // A reference to a missing document is a 400 (hooks/explainInputConflicts.ts).
    if (!options.disabled) config.hooks = { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), countFailedLogins, explainInputConflicts] }
    if (options.graphQLLimits !== false) {
      const limits = { ...DEFAULT_GRAPHQL_LIMITS, ...options.graphQLLimits }
      const hostRules = config.graphQL?.validationRules
      config.graphQL = {
        ...config.graphQL,
        maxComplexity: config.graphQL?.maxComplexity ?? limits.maxComplexity,
        validationRules: (args) => [...(hostRules?.(args) ?? []), ...graphqlLimitRules(limits)],
      }
    }
    // SQLite keeps the comment counts in triggers (installed on start, removed when disabled): see src/comments/recountTriggers.ts.
    const hostInit = config.onInit
    config.onInit = async (payload) => {
      // one run of a queue at a time in this process (its cron and the kicks after writes): src/jobs/kick.ts
      serializeQueueRuns(payload)
      await hostInit?.(payload)
      if (options.disabled) await removeRecountTriggers(payload)
      else await installRecountTriggers(payload)
    }
    // Tasks are part of the schema (the jobs collection's task slugs): registered even when disabled.
    config.jobs = { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), ...newsroomTasks] }
    // Webhook deliveries have a queue of their own, polled often (a host with its own autoRun function keeps it).
    const autoRun = config.jobs.autoRun
    if (!options.disabled && (autoRun === undefined || Array.isArray(autoRun)) && !autoRun?.some((entry) => entry.queue === WEBHOOKS_AUTORUN.queue)) {
      config.jobs.autoRun = [...(autoRun ?? []), { ...WEBHOOKS_AUTORUN }]
    }
    // The REST contract: /api/openapi.json generated from the collections (their endpoints documented), /api/docs.
    if (!options.disabled) config.endpoints = [...(config.endpoints ?? []), ...openApiEndpoints]
    // Labels (en + zh) and the `newsroom` translations always; list columns and admin components unless disabled.
    return decorateForAdmin(documentEndpoints(config), { disabled: options.disabled, usersSlug, siteUrl: options.siteUrl, siteName: options.siteName })
  }

/**
 * What each of our collections gets: ids that cannot be ids answer 404 (where the database generates them), data
 * that is not an object or has fields of the wrong type answers 400, and so does a where with a date condition
 * that holds no date, the server's own timestamps (a caller's
 * createdAt/updatedAt are ignored), and on the users collection the login throttle.
 */
const withServerGuards = (collection: CollectionConfig, usersSlug: string): CollectionConfig => {
  const ownIds = collection.fields.some((field) => 'name' in field && field.name === 'id')
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeOperation: [
        ...(hooks.beforeOperation ?? []),
        refuseMissingData,
        refuseUnreadableWhere,
        ...(ownIds ? [] : [refuseImpossibleIds, dropCallerIds]),
        ...(collection.slug === usersSlug ? [refuseThrottledLogins] : []),
      ],
      beforeChange: [keepServerTimestamps, ...(hooks.beforeChange ?? [])],
    },
  }
}

/** Points our relationships to the users collection the host chose. */
const retargetUsers = (collection: CollectionConfig, usersSlug: string): CollectionConfig => {
  if (usersSlug === USERS_SLUG) return collection
  return {
    ...collection,
    fields: collection.fields.map((field) =>
      field.type === 'relationship' && field.relationTo === USERS_SLUG ? { ...field, relationTo: usersSlug as CollectionSlug } : field,
    ),
  }
}

export default newsroomPlugin
