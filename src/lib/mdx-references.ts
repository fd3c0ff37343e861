/** A `<Metric name="...">` written in an MDX body, with where it is. */
export interface MetricReference {
  name: string;
  line: number;
}

const METRIC_TAG =
  /<Metric\b[^>]*?\bname\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/g;
const FENCED_CODE = /^(```|~~~)/;

/**
 * Finds `<Metric name>` uses in an MDX body so unknown names fail before the
 * build renders anything. Code fences are skipped: a tutorial showing the tag
 * is not a use of it.
 */
export function findMetricReferences(body: string, firstLine: number): MetricReference[] {
  const found: MetricReference[] = [];
  let fence: string | undefined;
  body.split('\n').forEach((text, index) => {
    const marker = FENCED_CODE.exec(text.trimStart())?.[1];
    if (marker) {
      fence = fence === undefined ? marker : fence === marker ? undefined : fence;
      return;
    }
    if (fence !== undefined) return;
    for (const match of text.matchAll(METRIC_TAG)) {
      const name = match[1] ?? match[2] ?? match[3] ?? '';
      found.push({ name, line: firstLine + index });
    }
  });
  return found;
}
