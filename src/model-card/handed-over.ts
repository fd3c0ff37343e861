import { createHash } from 'node:crypto';
import { sharedModelCard } from '../processes/model-cards.ts';
import { modelCardMarkdown } from './model-card.ts';
import type { ModelCardStudy } from './sections.ts';

/**
 * A production build writes its model cards once, in a child process
 * (the check's, integration/build-child.ts), while Astro bundles; the route returns the
 * one written for its case study (processes/model-cards.ts). Both sides
 * find a card by `modelCardKey`, the digest of everything `modelCardMarkdown`
 * reads, so a card is only ever reused for the very inputs it was written
 * from: the same inputs give the same card, whichever process wrote it.
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
 * The case study's model card: the one the build's writer wrote for these
 * inputs, or written here (`astro dev`, or inputs the writer did not see).
 */
export async function modelCardFor(
  study: ModelCardStudy,
  author: string,
  pageUrl: string,
): Promise<string> {
  const written = await sharedModelCard(modelCardKey(study, author, pageUrl));
  return written ?? modelCardMarkdown(study, author, pageUrl);
}
