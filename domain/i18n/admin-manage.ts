import type { Locale } from './messages';
import { tableTranslator } from './template';
import { manage as zh } from './zh-CN/manage';
import { manage as en } from './en/manage';

/**
 * Strings of the management screens (sections, tags, pages, users, settings, audit log, account).
 * What the server answers with is translated by code in ./server-messages.ts.
 */
export type ManageKey = keyof typeof zh;

const dictionaries: Record<Locale, Record<ManageKey, string>> = { 'zh-CN': zh, en };

export function manageT(locale: Locale) {
  return tableTranslator(dictionaries[locale]);
}

export type ManageTranslator = ReturnType<typeof manageT>;
