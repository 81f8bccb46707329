import type { Locale } from './messages';
import { tableTranslator } from './template';
import { media as zh } from './zh-CN/media';
import { media as en } from './en/media';

export type MediaKey = keyof typeof zh;

export function mediaT(locale: Locale) {
  return tableTranslator<MediaKey>(locale === 'en' ? en : zh);
}
