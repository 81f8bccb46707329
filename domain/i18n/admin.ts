import type { Locale } from './messages';
import { tableTranslator } from './template';
import { admin as zh } from './zh-CN/admin';
import { admin as en } from './en/admin';

/** Strings of the admin shell (sign-in, navigation, dashboard, lists, workflow). */
export type AdminKey = keyof typeof zh;

const dictionaries: Record<Locale, Record<AdminKey, string>> = { 'zh-CN': zh, en };

export function adminT(locale: Locale) {
  return tableTranslator(dictionaries[locale]);
}

export type AdminTranslator = ReturnType<typeof adminT>;
