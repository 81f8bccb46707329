import type { NotificationKind } from './enums';
import type { ManageKey } from './i18n/admin-manage';

/** How each kind of notification reads, on the bell's page and in its email (one copy of the words). */
export const NOTIFICATION_TEXT = {
  submitted: 'notifySubmitted',
  returned: 'notifyReturned',
  published: 'notifyPublished',
  went_live: 'notifyWentLive',
  commented: 'notifyCommented',
  mentioned: 'notifyMentioned',
} as const satisfies Record<NotificationKind, ManageKey>;
