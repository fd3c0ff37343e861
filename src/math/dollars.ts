/**
 * When `$…$` is money, not math. The Markdown parser pairs any two single
 * dollar signs in a paragraph, so "costs $5 and $10" would typeset
 * "5 and " as a formula. Pandoc's rule tells the two apart, and it is the
 * one applied here: a formula's opening `$` is followed by a non-space, its
 * closing `$` is preceded by a non-space and not followed by a digit. A span
 * that breaks it is shown as the text it was written as.
 *
 * One paragraph can still fool it ("costs $5; the loss is $L$" pairs the
 * first two dollar signs): there, write the amount as `\$5`.
 */

/** Whether the inline math written at `source[start, end)`, dollar signs included, is prose with dollar amounts. */
export function isProseDollars(source: string, start: number, end: number): boolean {
  const written = source.slice(start, end);
  // `$$…$$` is always math: nobody writes money that way.
  if (!written.startsWith('$') || written.startsWith('$$')) return false;
  const inner = written.slice(1, -1);
  return /^\s|\s$/.test(inner) || /^[0-9]/.test(source.charAt(end));
}

/** Whether the inline math written at `source[start, …)` uses double dollar signs, which Casefolio shows as display math. */
export function isDisplayDollars(source: string, start: number): boolean {
  return source.startsWith('$$', start);
}
