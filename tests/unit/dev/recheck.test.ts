import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanLocation } from '../../../src/content/plan.ts';
import { setLiveProblems } from '../../../src/dev/live-problems.ts';
import { recheckContent } from '../../../src/dev/recheck.ts';
import { projectRoot } from '../../helpers/build.ts';

/** The drafts fixture: valid content, as `astro dev` re-checks it after a save. */
const location: PlanLocation = {
  root: projectRoot,
  contentDir: path.join(projectRoot, 'tests/fixtures/drafts/content'),
  publicDir: path.join(projectRoot, 'tests/fixtures/public'),
};

/** What the dev server's terminal shows after a re-check. */
async function printed(): Promise<string[]> {
  const lines: string[] = [];
  const logger = {
    info: (line: string) => lines.push(line),
    error: (line: string) => lines.push(line),
  };
  await recheckContent(location, { showDrafts: true, forBuild: false }, logger);
  return lines;
}

afterEach(() => setLiveProblems([]));

describe('recheckContent', () => {
  it('says nothing after a save when the content was valid before it too', async () => {
    setLiveProblems([]);
    expect(await printed()).toEqual([]);
  });

  it('says the content is valid again after a save that fixed the last problem', async () => {
    setLiveProblems([{ file: 'content/profile.yaml', line: 1, message: 'invalid YAML' }]);
    expect(await printed()).toEqual(['content is valid again']);
    // The next save finds it still valid: nothing more to say.
    expect(await printed()).toEqual([]);
  });
});
