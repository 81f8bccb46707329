/**
 * Who a note mentions: `@` followed by a colleague's display name or slug ("@王小明", "@li-hua").
 * Names are matched whole against the staff list rather than cut out of the text, because a
 * Chinese name runs on into the next word without a space ("@王小明请看第二段").
 */
export function mentionedStaff<S extends { id: number; name: string; slug: string }>(body: string, staff: readonly S[]): S[] {
  const text = body.normalize('NFKC').toLowerCase();
  if (!text.includes('@')) return [];
  return staff.filter((person) =>
    [person.name, person.slug]
      .map((label) => label.normalize('NFKC').toLowerCase().trim())
      .some((label) => {
        if (!label) return false;
        const at = text.indexOf(`@${label}`);
        if (at < 0) return false;
        // A Latin name or slug must end at a word boundary ("@li" does not mention "li-hua"); a CJK one need not.
        const next = text[at + label.length + 1];
        return next === undefined || !/[\p{Script=Latin}\p{N}_-]/u.test(next) || /\p{Script=Han}$/u.test(label);
      }),
  );
}
