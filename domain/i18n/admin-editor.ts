import type { Locale } from './messages';
import { tableTranslator } from './template';
import { editor as zh } from './zh-CN/editor';
import { editor as en } from './en/editor';

/** Strings of the article editor, its toolbar, revisions and preview. */
export type EditorKey = keyof typeof zh;

const dictionaries: Record<Locale, Record<EditorKey, string>> = { 'zh-CN': zh, en };

export function editorT(locale: Locale) {
  return tableTranslator(dictionaries[locale]);
}

export type EditorTranslator = ReturnType<typeof editorT>;
