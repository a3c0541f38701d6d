export const WEBHOOK_ENDPOINTS_SLUG = 'webhook-endpoints'
export const WEBHOOK_DELIVERIES_SLUG = 'webhook-deliveries'
export const DELIVER_WEBHOOK_TASK = 'deliverWebhook'
export const SWEEP_WEBHOOK_DELIVERIES_TASK = 'sweepWebhookDeliveries'
/** The queue deliveries wait in; the host runs it every few seconds so a first attempt follows a commit closely. */
export const WEBHOOKS_QUEUE = 'webhooks'
/** Admin group of the webhook collections. */
export const DEVELOPERS_GROUP = { en: 'Developers', zh: '开发者' }
/** Context flag of the delivery job's writes to an endpoint (failure record, disabling). */
export const WEBHOOK_SYSTEM_WRITE = 'webhookSystemWrite'
