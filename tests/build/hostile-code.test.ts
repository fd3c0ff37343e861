import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, projectRoot, type BuildResult } from '../helpers/build.ts';
import { checkFixture, patternsInOutput, problemLines } from '../helpers/check-lines.ts';

/**
 * An MDX body whose code would run while the site is built, with no import
 * at all (tests/fixtures/hostile-code): a `{...}` in the text that reads a
 * file outside content/, calls in an HTML attribute, a component's prop and
 * a spread, an exported value computed by code, a template with `${}`, and
 * an `export const components` that turns the page's Markdown into other
 * elements. Before the body's code was held to values, the build ran all of
 * it and published the results. Now the build and `npm run check` refuse it
 * with the same lines, and nothing of it reaches the output folder; the
 * plain values beside them (an exported text, keys of an imported file, a
 * list, a comment) pass.
 */

const FILE = 'tests/fixtures/hostile-code/content/case-studies/hostile-code/index.mdx';
const RUNS = 'is not allowed (nothing in a case study runs)';
const VALUE = 'write the value itself ("text", 42, [1, 2], { a: 1 })';
const SEE = 'see "Nothing in the body runs" in README.md';
const call = (code: string) => `a call (${code}) ${RUNS}; ${VALUE}; ${SEE}`;

const EXPECTED = [
  `19: export const joined: ${call("['CASEFOLIO', 'CODE', '1'].join('-')")}`,
  '20: export const components: a name the page itself uses; give it another name',
  `22: {...}: ${call("process.getBuiltinModule('fs').readFi...")}`,
  `24: <span> title: ${call("['CASEFOLIO', 'CODE', '2'].join('-')")}`,
  `26: <Callout> title: ${call("(() => ['CASEFOLIO', 'CODE', '3'].joi...")}`,
  `28: <Callout> {...}: ${call("['CASEFOLIO', 'CODE', '4'].join('-')")}`,
  `30: {...}: a template with \${...} (\`CASEFOLIO-CODE-\${5}\`) ${RUNS}; write the text itself ("text"); ${SEE}`,
  `32: {...}: ${call("process.getBuiltinModule('fs').writeF...")}`,
].map((line) => `${FILE}:${line}`);

/** The file the body's code would write, relative to the project, where builds and checks run. */
const WRITTEN = path.join(projectRoot, '.tmp', 'hostile-code-ran.txt');

/** What the body's code would have put on the page had it run. */
const RAN = [/CASEFOLIO-SECRET-OUTSIDE-CONTENT/, /CASEFOLIO-CODE-\d/, /<mark>mark<\/mark>/];

describe('an MDX body whose code would run at build time', () => {
  let result: BuildResult;
  beforeAll(async () => {
    rmSync(WRITTEN, { force: true });
    result = await buildSite({ fixture: 'hostile-code' });
  });

  it('fails the build with one line per piece of code, each with its file and line', () => {
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(problemLines(result.stderr)).toEqual(EXPECTED);
  });

  it('leaves nothing the code computed or read in the output folder', () => {
    expect(patternsInOutput(result.outDir, RAN)).toEqual([]);
    expect(listFiles(result.outDir).filter((file) => file.endsWith('.html'))).toEqual([]);
  });

  it('never runs it: the file it would write is not there', () => {
    expect(existsSync(WRITTEN)).toBe(false);
  });

  it('is refused by npm run check with the same lines', () => {
    expect(checkFixture('hostile-code')).toEqual({ status: 1, lines: EXPECTED });
  });
});
