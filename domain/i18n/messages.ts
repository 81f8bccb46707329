import { fill, type TemplateParams } from './template';
import { site as zh } from './zh-CN/site';
import { site as en } from './en/site';

export type Locale = 'zh-CN' | 'en';

export type MessageKey = keyof typeof zh;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, en };

export function t(locale: Locale, key: MessageKey, vars?: TemplateParams): string {
  return fill(dictionaries[locale][key], vars);
}

export function translator(locale: Locale) {
  return (key: MessageKey, vars?: TemplateParams) => t(locale, key, vars);
}
