/** A `<Metric name="...">` written in an MDX body, with where it is. */
export interface MetricReference {
  name: string;
  line: number;
}

const METRIC_TAG =
  /<Metric\b[^>]*?\bname\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/g;
/** An opening or closing code fence: three or more backticks or tildes. */
const FENCE = /^(`{3,}|~{3,})/;
/** An inline code span, closed by a backtick run of the same length. */
const INLINE_CODE = /(`+)(?:(?!\1)[\s\S])*?\1/g;

/**
 * Finds `<Metric name>` uses in an MDX body so unknown names fail before the
 * build renders anything. Code is skipped, fenced or inline: a tutorial that
 * shows the tag is not a use of it. As in CommonMark, a fence closes only on
 * a run of the same character at least as long as the one that opened it.
 */
export function findMetricReferences(body: string, firstLine: number): MetricReference[] {
  const found: MetricReference[] = [];
  let openFence: string | undefined;
  body.split('\n').forEach((text, index) => {
    const fence = FENCE.exec(text.trimStart())?.[1];
    if (openFence !== undefined) {
      const closes =
        fence !== undefined &&
        fence[0] === openFence[0] &&
        fence.length >= openFence.length &&
        text.trim() === fence;
      if (closes) openFence = undefined;
      return;
    }
    if (fence !== undefined) {
      openFence = fence;
      return;
    }
    for (const match of text.replace(INLINE_CODE, '').matchAll(METRIC_TAG)) {
      const name = match[1] ?? match[2] ?? match[3] ?? '';
      found.push({ name, line: firstLine + index });
    }
  });
  return found;
}
