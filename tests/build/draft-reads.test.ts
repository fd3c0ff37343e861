import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, readUnzipped, type BuildResult } from '../helpers/build.ts';
import { checkFixture, problemLines } from '../helpers/check-lines.ts';

/**
 * A published case study that links to a draft through a reference
 * definition and reads the draft's files every way a page can: its cover,
 * a metric's artifact, an import, a chart's data and a Markdown image
 * (tests/fixtures/draft-reads). Before the rule the build published all of
 * them; now the build and `npm run check` fail with one line each, naming
 * the draft.
 */

const FILE = 'tests/fixtures/draft-reads/content/case-studies/published-study/index.mdx';
const DRAFT_FILE = (field: string, written: string) =>
  `${field}: "${written}" is a file of the draft "secret-draft", which is not published; copy it into this case study's folder, or publish the draft`;

const EXPECTED = [
  `7: ${DRAFT_FILE('cover.src', '../secret-draft/cover.png')}`,
  `11: ${DRAFT_FILE('metrics[0].from', '../secret-draft/report.json')}`,
  `16: ${DRAFT_FILE('import', '../secret-draft/rows.json')}`,
  '20: link to the draft "secret-draft", which is not published: /case-studies/secret-draft/; publish it (draft: false) or remove the link',
  `22: ${DRAFT_FILE('<Chart> src', '../secret-draft/data.csv')}`,
  `24: ${DRAFT_FILE('image', '../secret-draft/plot.png')}`,
].map((line) => `${FILE}:${line}`);

describe('a published case study that links to a draft and reads its files', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'draft-reads' });
  });

  it('fails the build with one line per read, naming the draft', () => {
    expect(result.code).toBe(1);
    expect(problemLines(result.stderr)).toEqual(EXPECTED);
  });

  it('publishes nothing of the draft', () => {
    const leaks = listFiles(result.outDir).filter(
      (file) =>
        /plot|cover/.test(file) ||
        /7792|CANARY/.test(readUnzipped(path.join(result.outDir, file)).toString('utf8')),
    );
    expect(leaks).toEqual([]);
  });

  it('is refused by npm run check with the same lines', () => {
    expect(checkFixture('draft-reads')).toEqual({ status: 1, lines: EXPECTED });
  });
});
