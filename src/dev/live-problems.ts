import type { ContentProblem } from '../problems/problem.ts';

/**
 * The content problems found by the last check, shared between the
 * integration (which re-checks content on every change in `astro dev`) and
 * the pages (which show them in Astro's error overlay). The two run in one
 * process but load separate copies of this module (the config loader and the
 * SSR runner), so the list lives on globalThis under a registered symbol.
 */
const SLOT = Symbol.for('casefolio.content-problems');

type Slot = { [SLOT]?: readonly ContentProblem[] };

export function setLiveProblems(problems: readonly ContentProblem[]): void {
  (globalThis as Slot)[SLOT] = problems;
}

export function getLiveProblems(): readonly ContentProblem[] {
  return (globalThis as Slot)[SLOT] ?? [];
}
