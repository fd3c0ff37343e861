import { createHash } from 'node:crypto';
import { claimStagedModelCard } from '../processes/model-cards.ts';
import { modelCardMarkdown } from './model-card.ts';
import type { ModelCardStudy } from './sections.ts';

/**
 * A production build writes its model cards once, in a child process (the
 * check's, integration/build-child.ts), into its scratch folder while Astro
 * bundles; a card written for the very inputs its route has is published
 * as it is, and the route renders only the others (processes/model-cards.ts).
 * Both sides know a card by `modelCardKey`, the digest of everything
 * `modelCardMarkdown` reads, so a card is only ever published for the
 * inputs it was written from: the same inputs give the same card, whichever
 * process wrote it.
 */

/** Every field of a case study the card is written from, in a fixed order. */
const FIELDS = [
  'title',
  'summary',
  'organization',
  'role',
  'period',
  'team',
  'tags',
  'dataset',
  'model',
  'responsible',
  'links',
  'metrics',
  'fairness',
] as const satisfies readonly (keyof ModelCardStudy)[];

// A field added to ModelCardStudy and not to FIELDS would be left out of
// the key, and a card written from other values reused: this fails to
// compile instead.
type Unkeyed = Exclude<keyof ModelCardStudy, (typeof FIELDS)[number]>;
const everyFieldKeyed: [Unkeyed] extends [never] ? true : Unkeyed = true;
void everyFieldKeyed;

/** The card's identity: a digest of the study's fields it reads, the author and the page's URL. */
export function modelCardKey(study: ModelCardStudy, author: string, pageUrl: string): string {
  const inputs = [...FIELDS.map((field) => study[field]), author, pageUrl];
  return createHash('sha256').update(JSON.stringify(inputs)).digest('base64');
}

/** A study's card under its key, as the writer hands it over. */
export function keyedModelCard(
  study: ModelCardStudy,
  author: string,
  pageUrl: string,
): [string, string] {
  return [modelCardKey(study, author, pageUrl), modelCardMarkdown(study, author, pageUrl)];
}

/**
 * Whether the build's writer has written this case study's card, for these
 * inputs, at `path`: it is then published as written, and the route leaves
 * it out. False in `astro dev`, for inputs the writer did not see, and when
 * the writer failed; the route then writes the card itself.
 */
export function isModelCardWritten(
  study: ModelCardStudy,
  author: string,
  pageUrl: string,
  path: string,
): Promise<boolean> {
  return claimStagedModelCard(modelCardKey(study, author, pageUrl), path);
}
