import { z } from 'zod';

/** Limits that keep a hostile document from stalling the server. */
export const RICH_TEXT_LIMITS = { maxDepth: 24, maxNodes: 50_000, maxTextLength: 1_000_000 } as const;

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
  const budget = { nodes: 0, text: 0 };
  const problem = measure(input, 0, budget);
  if (problem) return { ok: false, error: problem };
  const parsed = richTextDoc.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'The body is not a valid editor document.' };
  return { ok: true, doc: parsed.data };
}

function measure(node: unknown, depth: number, budget: { nodes: number; text: number }): string | null {
  if (depth > RICH_TEXT_LIMITS.maxDepth) return `The body is nested deeper than ${RICH_TEXT_LIMITS.maxDepth} levels.`;
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return 'The body is not a valid editor document.';
  budget.nodes += 1;
  if (budget.nodes > RICH_TEXT_LIMITS.maxNodes) return `The body has more than ${RICH_TEXT_LIMITS.maxNodes} elements.`;
  const { text, content } = node as { text?: unknown; content?: unknown };
  if (typeof text === 'string') {
    budget.text += text.length;
    if (budget.text > RICH_TEXT_LIMITS.maxTextLength) return 'The body is longer than 1,000,000 characters.';
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
