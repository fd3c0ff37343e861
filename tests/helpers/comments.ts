import type { SharedBuildOptions } from './build.ts';

/** giscus options as giscus.app would give them (made-up IDs of the right shape). */
export const GISCUS = {
  repo: 'ada/portfolio',
  repoId: 'R_kgDOLx4sbw',
  category: 'Comments',
  categoryId: 'DIC_kwDOLx4sb84CeZ3x',
} as const;

/**
 * The `valid` fixture built with comments on: the build and browser tests
 * of comments share it (tests/build/comments.test.ts, tests/e2e/comments.test.ts).
 */
export const COMMENTS_BUILD: SharedBuildOptions = {
  fixture: 'valid',
  env: { CASEFOLIO_TEST_OPTIONS: JSON.stringify({ comments: { giscus: GISCUS } }) },
};
