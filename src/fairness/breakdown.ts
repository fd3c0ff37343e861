import type { FairnessData } from '../schemas/responsible.ts';
import { readFairnessFile } from './read.ts';
import { resolveFairness, type FairnessProblem } from './resolve.ts';
import type { FairnessView } from './view.ts';
import type { Locale } from '../i18n/locales.ts';

/**
 * A case study's `responsible.fairness` worked out: its file read (once per
 * build, read.ts) and resolved against the frontmatter (resolve.ts). What
 * the content check calls, in a build, `npm run check` and `astro dev` alike.
 * Problems name the field under `responsible.fairness` to fix.
 */
export function fairnessBreakdown(
  fairness: FairnessData,
  mdxFile: string,
  contentDir: string,
  locale?: Locale,
): { ok: true; view: FairnessView } | { ok: false; problems: FairnessProblem[] } {
  const read = readFairnessFile(fairness, mdxFile, contentDir);
  if (!read.ok) return { ok: false, problems: [{ path: [read.field], message: read.message }] };
  return resolveFairness(fairness, read.table, locale);
}
