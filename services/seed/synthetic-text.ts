/** The synthetic archive's words put together: Chinese and English sentences, headlines and story bodies. */
import { escapeHtml } from '../../domain/rich-text/render';
import type { RichTextDoc, RichTextNode } from '../../domain/rich-text/schema';
import { int, uniform, zipf, type Rng } from './synthetic-random';
import * as W from './synthetic-words';

const RARE_SHARE = 0.001;

export function zhSentence(rnd: Rng): string {
  return zipf(rnd, W.ZH_SENTENCES, 0.5).replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'time': return zipf(rnd, W.ZH_TIMES);
      case 'place': return zipf(rnd, W.ZH_PLACES, 0.8);
      case 'org': return zipf(rnd, W.ZH_ORGS, 0.8);
      case 'verb': return zipf(rnd, W.ZH_VERBS);
      case 'adj': return zipf(rnd, W.ZH_ADJECTIVES);
      case 'object': return zipf(rnd, W.ZH_OBJECTS);
      case 'topic': return zipf(rnd, W.ZH_TOPICS);
      case 'trend': return uniform(rnd, W.ZH_TRENDS);
      case 'person': return zipf(rnd, W.ZH_PEOPLE, 0.7);
      case 'effect': return uniform(rnd, W.ZH_EFFECTS);
      case 'field': return zipf(rnd, W.ZH_FIELDS, 0.7);
      case 'event': return zipf(rnd, W.ZH_EVENTS, 0.7);
      default: return String(int(rnd, 2, 99));
    }
  });
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function enSentence(rnd: Rng): string {
  const frame = zipf(rnd, W.EN_SENTENCES, 0.5);
  return capitalize(
    frame.replace(/\{(\w+)\}/g, (_, slot: string) => {
      const lower = slot.toLowerCase();
      const verb = () => zipf(rnd, W.EN_VERBS, 0.8);
      const noun = () => zipf(rnd, W.EN_NOUNS, 0.8);
      let word: string;
      switch (lower) {
        case 'noun': word = noun()[0]; break;
        case 'nouns': word = noun()[1]; break;
        case 'base': word = verb()[0]; break;
        case 'past': word = verb()[1]; break;
        case 'pp': word = verb()[2]; break;
        case 'ing': word = verb()[3]; break;
        case 'verbs': word = verb()[4]; break;
        case 'adj': word = zipf(rnd, W.EN_ADJECTIVES, 0.8); break;
        case 'city': word = zipf(rnd, W.EN_CITIES, 0.8); break;
        case 'topic': word = zipf(rnd, W.EN_TOPICS, 0.8); break;
        case 'day': word = uniform(rnd, W.EN_DAYS); break;
        default: word = String(int(rnd, 2, 99));
      }
      return slot === lower ? word : capitalize(word);
    }),
  );
}

export function zhTitle(rnd: Rng): string {
  return `${zipf(rnd, W.ZH_PLACES, 0.8)}${zipf(rnd, W.ZH_ORGS, 0.8)}${zipf(rnd, W.ZH_VERBS).replace(/了$/, '')}${zipf(rnd, W.ZH_ADJECTIVES).replace(/的$/, '')}${zipf(rnd, W.ZH_OBJECTS)}`;
}

export function enTitle(rnd: Rng): string {
  const [, , , , verbs] = zipf(rnd, W.EN_VERBS, 0.8);
  return `${zipf(rnd, W.EN_CITIES, 0.8)} ${zipf(rnd, W.EN_NOUNS, 0.8)[0]} ${verbs} ${zipf(rnd, W.EN_ADJECTIVES, 0.8)} ${zipf(rnd, W.EN_TOPICS, 0.8)} ${zipf(rnd, W.EN_NOUNS, 0.8)[1]}`;
}

export interface SyntheticBody {
  doc: RichTextDoc;
  html: string;
  text: string;
}

/**
 * A body of at least `targetBytes` bytes of text (UTF-8): paragraphs of 3–6 sentences, maybe one
 * subheading. `html` and `text` are what renderRichText and richTextToPlainText make of `doc`
 * (checked by tests/unit/synthetic-seed.test.ts), written directly because sanitising 4 KB of
 * HTML per story would dominate the seed's time.
 */
export function syntheticBody(rnd: Rng, locale: 'zh-CN' | 'en', targetBytes: number): SyntheticBody {
  const sentence = locale === 'en' ? enSentence : zhSentence;
  const joiner = locale === 'en' ? ' ' : '';
  const rare = locale === 'zh-CN' && rnd() < RARE_SHARE ? uniform(rnd, W.RARE_SENTENCES) : null;
  const paragraphs: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const parts: string[] = [];
    for (let i = int(rnd, 3, 6); i > 0; i--) parts.push(sentence(rnd));
    if (rare && paragraphs.length === 1) parts.push(rare);
    const paragraph = parts.join(joiner);
    paragraphs.push(paragraph);
    bytes += Buffer.byteLength(paragraph) + 1;
  }
  const headingAt = paragraphs.length >= 3 && rnd() < 0.5 ? int(rnd, 2, paragraphs.length - 1) : -1;
  const heading = headingAt > 0 ? uniform(rnd, locale === 'en' ? W.EN_HEADINGS : W.ZH_HEADINGS) : '';
  const content: RichTextNode[] = [];
  const html: string[] = [];
  const text: string[] = [];
  paragraphs.forEach((paragraph, i) => {
    if (i === headingAt) {
      content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: heading }] });
      html.push(`<h2>${escapeHtml(heading)}</h2>`);
      text.push(heading);
    }
    content.push({ type: 'paragraph', content: [{ type: 'text', text: paragraph }] });
    html.push(`<p>${escapeHtml(paragraph)}</p>`);
    text.push(paragraph);
  });
  return { doc: { type: 'doc', content }, html: html.join(''), text: text.join('\n') };
}
