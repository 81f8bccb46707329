import type { z } from 'zod';
import { englishMessage, isMessageCode, textMessage, type Message, type MessageCode } from './i18n/server-messages';

export type { Message, MessageCode } from './i18n/server-messages';

/** Messages per form field; `_` holds those of the form as a whole. */
export type FieldMessages = Record<string, Message[]>;

/** A code with its parameters, or English text that every language shows as it is. */
type MessageLike = Message | string;

const asMessage = (message: MessageLike): Message => (typeof message === 'string' ? textMessage(message) : message);

/** The English text of each field's messages, as logs, the JSON API and older callers read them. */
export function englishFieldErrors(fields: FieldMessages): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fields).map(([field, messages]) => [field, messages.map(englishMessage)]));
}

/**
 * An error the user can act on: its status and message reach the UI; nothing was changed.
 * `reason` is what the screens translate; `message` is its English text.
 */
export class ActionError extends Error {
  readonly reason: Message;
  readonly fieldMessages?: FieldMessages;

  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    message: MessageLike,
    fields?: Record<string, MessageLike[]>,
    readonly details?: Record<string, unknown>,
  ) {
    const reason = asMessage(message);
    super(englishMessage(reason));
    this.reason = reason;
    if (fields) this.fieldMessages = Object.fromEntries(Object.entries(fields).map(([field, list]) => [field, list.map(asMessage)]));
  }

  /** The code the screens translate. */
  get code(): MessageCode {
    return this.reason.code;
  }

  get params(): Message['params'] {
    return this.reason.params;
  }

  /** Each field's messages in English. */
  get fieldErrors(): Record<string, string[]> | undefined {
    return this.fieldMessages && englishFieldErrors(this.fieldMessages);
  }

  /** The same message for the whole form and for one of its fields. */
  static onField(status: ActionError['status'], field: string, message: Message, details?: Record<string, unknown>): ActionError {
    return new ActionError(status, message, { [field]: [message] }, details);
  }
}

const NOT_FOUND = {
  'This item': 'notFoundItem',
  'This article': 'notFoundArticle',
  'This preview link': 'notFoundPreviewLink',
  'This section': 'notFoundSection',
  'This page': 'notFoundPage',
  'This image': 'notFoundImage',
  'This user': 'notFoundUser',
  'This account': 'notFoundAccount',
  'This tag': 'notFoundTag',
  'This webhook': 'notFoundWebhook',
  'This delivery': 'notFoundDelivery',
} as const satisfies Record<string, MessageCode>;

export const notFoundError = (what: keyof typeof NOT_FOUND = 'This item') => new ActionError(404, { code: NOT_FOUND[what] });
export const forbiddenError = () => new ActionError(403, { code: 'noPermission' });

/** Zod's placeholders for a code: the bound a `.min()`/`.max()` check names, and a refinement's own `params`. */
function issueParams(issue: z.core.$ZodIssue): Message['params'] {
  const params: Record<string, string | number> = {};
  if (issue.code === 'custom' && issue.params) Object.assign(params, issue.params);
  if (issue.code === 'too_big') params.max = Number(issue.maximum);
  if (issue.code === 'too_small') params.min = Number(issue.minimum);
  return Object.keys(params).length ? params : undefined;
}

/**
 * The message of a zod issue: our schemas give codes as their messages (domain/validation); any
 * other message (zod's own, the rich-text parser's) is text shown as it is.
 */
export function issueMessage(issue: z.core.$ZodIssue): Message {
  if (!isMessageCode(issue.message)) return textMessage(issue.message);
  const params = issueParams(issue);
  return params ? { code: issue.message, params } : { code: issue.message };
}

/** Each field's messages; actions that wrap a form's values in `{ id, values }` still report them per form field. */
export function fieldMessagesOf(error: z.ZodError): FieldMessages {
  const out: FieldMessages = {};
  for (const issue of error.issues) {
    const path = issue.path[0] === 'values' ? issue.path.slice(1) : issue.path;
    const key = path.length ? String(path[0]) : '_';
    (out[key] ??= []).push(issueMessage(issue));
  }
  return out;
}
