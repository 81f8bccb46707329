/** What a webhook can subscribe to; the names are part of the payload contract (docs/webhooks.md). */
export const EVENT = {
  published: 'article.published',
  /** A live story saved with changes. */
  updated: 'article.updated',
  /** A live story taken off the site (unpublished, archived, or rescheduled into the future). */
  unpublished: 'article.unpublished',
  /** A live story moved to the trash. */
  deleted: 'article.deleted',
  /** A scheduled story whose time came (recorded by the promotion timer). */
  scheduledPublished: 'article.scheduled-published',
} as const;

export const WEBHOOK_EVENTS = [EVENT.published, EVENT.updated, EVENT.unpublished, EVENT.deleted, EVENT.scheduledPublished] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Sent by the admin's "send test event" button only; no subscription needed. */
export const TEST_EVENT = 'webhook.test';

export type DeliveryEvent = WebhookEvent | typeof TEST_EVENT;

export const isWebhookEvent = (value: string): value is WebhookEvent => (WEBHOOK_EVENTS as readonly string[]).includes(value);

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The article as a receiver gets it: public fields only, the url absolute. */
export interface WebhookArticle {
  id: number;
  slug: string;
  title: string;
  url: string;
  excerpt: string;
  locale: string;
  sectionId: number;
  publishedAt: string | null;
  updatedAt: string;
}

export interface WebhookPayload {
  /** Equal to the Webhook-Id header: the same on every attempt of one delivery. */
  id: string;
  event: DeliveryEvent;
  occurredAt: string;
  article: WebhookArticle | null;
}
