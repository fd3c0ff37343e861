/** A line that opens or closes frontmatter: `---`, trailing spaces allowed. */
export const FENCE = /^---[ \t]*$/;

/**
 * The file with every character of its frontmatter (between the fences)
 * turned into a space, so each line and column of the body stays where it
 * was; undefined when the file has no frontmatter. Line breaks, CRLF
 * included, are kept.
 */
export function blankFrontmatter(source: string): string | undefined {
  const lines = source.split('\n');
  const isFence = (line: string) => FENCE.test(line.replace(/\r$/, ''));
  if (!isFence((lines[0] ?? '').replace(/^\uFEFF/, ''))) return undefined;
  const close = lines.findIndex((line, index) => index > 0 && isFence(line));
  if (close === -1) return undefined;
  for (let index = 1; index < close; index++) {
    lines[index] = (lines[index] ?? '').replace(/[^\r]/g, ' ');
  }
  return lines.join('\n');
}
