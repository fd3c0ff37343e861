/** A line that opens or closes frontmatter: `---`, trailing spaces (and a CR) allowed. */
const FENCE = /^---[ \t]*\r?$/;

/**
 * The index of the line that closes a file's frontmatter, given the file's
 * lines (split on `\n`, a byte-order mark allowed on the first); undefined
 * when the file does not open with a fence or never closes it.
 */
export function closingFence(lines: readonly string[]): number | undefined {
  if (!FENCE.test((lines[0] ?? '').replace(/^\uFEFF/, ''))) return undefined;
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  return close === -1 ? undefined : close;
}

/**
 * The file with every character of its frontmatter (between the fences)
 * turned into a space, so each line and column of the body stays where it
 * was; undefined when the file has no frontmatter. Line breaks, CRLF
 * included, are kept.
 */
export function blankFrontmatter(source: string): string | undefined {
  const lines = source.split('\n');
  const close = closingFence(lines);
  if (close === undefined) return undefined;
  for (let index = 1; index < close; index++) {
    lines[index] = (lines[index] ?? '').replace(/[^\r]/g, ' ');
  }
  return lines.join('\n');
}
