import type { Message } from './i18n/server-messages';

/** The bulk actions of the article list (`/admin/articles`), in menu order; restore is the trash view's only one. */
export const BULK_TRANSITIONS = ['publish', 'unpublish', 'archive', 'trash', 'restore'] as const;
export type BulkTransition = (typeof BULK_TRANSITIONS)[number];

/** Those that change what readers see: the list asks before it runs them, naming the action and the count. */
const CONFIRMED_BULK = ['publish', 'unpublish', 'archive', 'trash'] as const satisfies readonly BulkTransition[];
export type ConfirmedBulkTransition = (typeof CONFIRMED_BULK)[number];

export function needsConfirmation(transition: BulkTransition): transition is ConfirmedBulkTransition {
  return (CONFIRMED_BULK as readonly string[]).includes(transition);
}

/** What happened to one selected article. `state` is set when its workflow state did not allow the action. */
export interface BulkOutcome {
  id: number;
  ok: boolean;
  /** Why it failed: a code of domain/i18n/server-messages.ts with its parameters. */
  error?: Message;
  state?: string;
}
