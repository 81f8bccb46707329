import { z } from '../validation/zod';

/** Limits that keep a hostile document from stalling the server. */
export const RICH_TEXT_LIMITS = {
  maxDepth: 24,
  maxNodes: 50_000,
  maxTextLength: 1_000_000,
  /** Levels of objects and arrays in one node's or mark's `attrs`, the attrs object included. */
  maxAttrDepth: 4,
  /** Size of one node's or mark's `attrs`: characters of keys and strings, plus one per other value. */
  maxAttrLength: 20_000,
  /** The same size summed over the whole document. */
  maxAttrTotal: 1_000_000,
} as const;

const mark = z.object({
  type: z.string().max(40),
  attrs: z.record(z.string(), z.unknown()).optional(),
});

export interface RichTextNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

export const richTextNode: z.ZodType<RichTextNode> = z.lazy(() =>
  z.object({
    type: z.string().max(40),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(richTextNode).optional(),
    marks: z.array(mark).max(20).optional(),
    text: z.string().optional(),
  }),
);

export const richTextDoc = z.object({ type: z.literal('doc'), content: z.array(richTextNode).default([]) });
export type RichTextDoc = z.infer<typeof richTextDoc>;

export type RichTextCheck = { ok: true; doc: RichTextDoc } | { ok: false; error: string };

/** Shape, depth and size checks, done before the recursive schema walks the document. */
export function parseRichText(input: unknown): RichTextCheck {
  const budget = { nodes: 0, text: 0, attrs: 0 };
  const problem = measure(input, 0, budget);
  if (problem) return { ok: false, error: problem };
  const parsed = richTextDoc.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'The body is not a valid editor document.' };
  return { ok: true, doc: parsed.data };
}

type Budget = { nodes: number; text: number; attrs: number };

function measure(node: unknown, depth: number, budget: Budget): string | null {
  if (depth > RICH_TEXT_LIMITS.maxDepth) return `The body is nested deeper than ${RICH_TEXT_LIMITS.maxDepth} levels.`;
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return 'The body is not a valid editor document.';
  budget.nodes += 1;
  if (budget.nodes > RICH_TEXT_LIMITS.maxNodes) return `The body has more than ${RICH_TEXT_LIMITS.maxNodes} elements.`;
  const { text, content, attrs, marks } = node as { text?: unknown; content?: unknown; attrs?: unknown; marks?: unknown };
  if (typeof text === 'string') {
    budget.text += text.length;
    if (budget.text > RICH_TEXT_LIMITS.maxTextLength) return 'The body is longer than 1,000,000 characters.';
  }
  const attrsProblem = measureAttrs(attrs, budget);
  if (attrsProblem) return attrsProblem;
  if (Array.isArray(marks)) {
    if (marks.length > 20) return 'The body is not a valid editor document.';
    for (const mark of marks) {
      const problem = mark && typeof mark === 'object' ? measureAttrs((mark as { attrs?: unknown }).attrs, budget) : null;
      if (problem) return problem;
    }
  }
  if (content !== undefined) {
    if (!Array.isArray(content)) return 'The body is not a valid editor document.';
    for (const child of content) {
      const problem = measure(child, depth + 1, budget);
      if (problem) return problem;
    }
  }
  return null;
}

/**
 * Depth and size of one `attrs` value, walked without recursion and stopped at the first limit, so
 * that neither this walk nor the string cleaning after it (domain/validation/article.ts) can be sent
 * arbitrarily deep or long.
 */
function measureAttrs(attrs: unknown, budget: Budget): string | null {
  if (attrs === undefined || attrs === null || typeof attrs !== 'object') return null; // the schema judges the type
  const { maxAttrDepth, maxAttrLength, maxAttrTotal } = RICH_TEXT_LIMITS;
  const tooLarge = `The attributes of an element are larger than ${maxAttrLength} characters.`;
  let size = 0;
  const stack: { value: object; depth: number }[] = [{ value: attrs, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (Array.isArray(value) && value.length > maxAttrLength) return tooLarge;
    const entries: [string, unknown][] = Array.isArray(value) ? value.map((item) => ['', item]) : Object.entries(value);
    for (const [key, item] of entries) {
      size += key.length + (typeof item === 'string' ? item.length : 1);
      if (size > maxAttrLength) return tooLarge;
      if (item !== null && typeof item === 'object') {
        if (depth + 1 > maxAttrDepth) return `The attributes of an element are nested deeper than ${maxAttrDepth} levels.`;
        stack.push({ value: item, depth: depth + 1 });
      }
    }
  }
  budget.attrs += size;
  if (budget.attrs > maxAttrTotal) return `The attributes of the body are larger than ${maxAttrTotal} characters.`;
  return null;
}
