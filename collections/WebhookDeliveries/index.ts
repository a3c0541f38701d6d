import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/isAdmin'
import { webhookDeliveryEndpoints } from '../../src/webhooks/endpoints'
import { WEBHOOK_EVENTS } from '../../src/webhooks/events'
import { DEVELOPERS_GROUP, WEBHOOK_DELIVERIES_SLUG, WEBHOOK_ENDPOINTS_SLUG } from '../../src/webhooks/slugs'

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'cancelled'] as const

const STATUS_LABELS = {
  pending: { en: 'Pending', zh: '待发送' },
  succeeded: { en: 'Delivered', zh: '已送达' },
  failed: { en: 'Failed', zh: '失败' },
  cancelled: { en: 'Cancelled', zh: '已取消' },
} as const

const nobody = () => false

/** One event on its way to one endpoint, with every attempt; written by the delivery job only. */
export const WebhookDeliveries: CollectionConfig = {
  slug: WEBHOOK_DELIVERIES_SLUG,
  labels: { singular: { en: 'Webhook delivery', zh: 'Webhook 投递' }, plural: { en: 'Webhook deliveries', zh: 'Webhook 投递' } },
  admin: {
    group: DEVELOPERS_GROUP,
    useAsTitle: 'webhookId',
    defaultColumns: ['eventType', 'endpoint', 'status', 'attemptCount', 'createdAt'],
    description: { en: 'Kept for 30 days.', zh: '保留 30 天。' },
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: isAdmin },
  endpoints: webhookDeliveryEndpoints,
  fields: [
    { name: 'endpoint', type: 'relationship', relationTo: WEBHOOK_ENDPOINTS_SLUG as never, index: true, label: { en: 'Endpoint', zh: '端点' } },
    { name: 'eventType', type: 'select', required: true, options: WEBHOOK_EVENTS.map((event) => ({ label: { en: event, zh: event }, value: event })), label: { en: 'Event', zh: '事件' } },
    { name: 'webhookId', type: 'text', required: true, index: true, label: { en: 'Webhook id', zh: 'Webhook ID' } },
    { name: 'payload', type: 'json', required: true, label: { en: 'Payload', zh: '内容' } },
    // `<content event id>:<endpoint id>` for the deliveries the outbox fans out: a second runner handed the same outbox
    // job (Payload's runner finds, then marks its jobs) inserts nothing. Empty for test events and resends.
    { name: 'dedupeKey', type: 'text', unique: true, hidden: true, label: { en: 'Deduplication key', zh: '去重键' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: DELIVERY_STATUSES.map((status) => ({ label: STATUS_LABELS[status], value: status })),
      label: { en: 'Status', zh: '状态' },
    },
    { name: 'attemptCount', type: 'number', required: true, defaultValue: 0, label: { en: 'Attempts', zh: '尝试次数' } },
    // When a runner claimed the attempt now under way (cleared with its outcome): a claim left by a runner that died
    // is taken over after a while (src/webhooks/claim.ts).
    { name: 'claimedAt', type: 'date', hidden: true, label: { en: 'Claimed at', zh: '认领时间' } },
    { name: 'nextAttemptAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } }, label: { en: 'Next attempt', zh: '下次尝试' } },
    { name: 'lastError', type: 'text', label: { en: 'Last error', zh: '最近错误' } },
    {
      name: 'webhookActions',
      type: 'ui',
      label: { en: 'Actions', zh: '操作' },
      admin: { components: { Field: '/admin/components/WebhookActions#WebhookDeliveryActions' } },
    },
    {
      name: 'attempts',
      type: 'array',
      label: { en: 'Attempts', zh: '尝试记录' },
      fields: [
        { name: 'at', type: 'date', required: true, label: { en: 'Sent at', zh: '发送时间' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'statusCode', type: 'number', label: { en: 'HTTP status', zh: 'HTTP 状态码' } },
        { name: 'durationMs', type: 'number', label: { en: 'Duration (ms)', zh: '耗时（毫秒）' } },
        {
          name: 'response',
          type: 'textarea',
          label: { en: 'Response', zh: '响应' },
          admin: { description: { en: 'The first 1 KB of the response body.', zh: '响应正文的前 1 KB。' } },
        },
        { name: 'error', type: 'text', label: { en: 'Error', zh: '错误' } },
      ],
    },
  ],
}
