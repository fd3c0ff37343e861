import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  childEnv,
  projectRoot,
  testConfigArgs,
  type BuildResult,
} from '../helpers/build.ts';

/**
 * Content the build used to stop on with a stack trace of Vite's or Astro's
 * while `npm run check` passed it (issue 17, hole 8): each case study of
 * tests/fixtures/build-stoppers holds one. Now the check names each with its
 * file and line, and the build stops on the same lines before Vite or Astro
 * read anything.
 */

const FIXTURE = 'tests/fixtures/build-stoppers/content/case-studies';

const CASES: [string, string][] = [
  [
    'a <Figure> in a draft’s folder (Astro: "image not found" while rendering)',
    `${FIXTURE}/figure-in-draft/index.mdx:21: <Figure> src: "../secret-draft/plot.png" is a file of the draft "secret-draft", which is not published; copy it into this case study's folder, or publish the draft`,
  ],
  [
    'a <Figure> in a folder whose name starts with _ (Astro: "image not found")',
    `${FIXTURE}/figure-in-notes/index.mdx:21: <Figure> src: "./_notes/plot.png" is in "_notes", a folder Casefolio passes over (its name starts with _ or .); move the image out of it`,
  ],
  [
    'a missing Markdown image (Vite: UNRESOLVED_IMPORT)',
    `${FIXTURE}/missing-image.mdx:21: image: file not found: "./nope.png"`,
  ],
  [
    'a Markdown image that is a data file (Vite: MISSING_EXPORT)',
    `${FIXTURE}/not-an-image/index.mdx:21: image: expected an image (.png, .jpg, .jpeg, .webp, .avif, .gif, .svg), got "./history.csv"; link to other files with [text](./history.csv)`,
  ],
  [
    'a Markdown image whose address has a stray % (the MDX compiler: URIError)',
    `${FIXTURE}/undecodable-image.mdx:21: image: "./coverage-100%.png" is not a path the build can read: a % must begin an escape such as %20; write the file's name as it is`,
  ],
  [
    'an image Astro cannot measure (Astro: NoImageMetadata)',
    `${FIXTURE}/broken-image/plot.png: the image cannot be read (it is damaged, is not the kind of image its name says, or is an SVG without a width, height or viewBox); open it in an image editor and export it again`,
  ],
  [
    'a link to a file that is gone (the check itself: ENOENT)',
    `${FIXTURE}/dangling-link/history.csv: a link to "./old-runs/history.csv", which does not exist; remove the link, or put the file itself here`,
  ],
  [
    'a link to itself (ELOOP)',
    `${FIXTURE}/dangling-link/loop: a link that leads back to itself (a loop of links), which no reader can follow; remove it`,
  ],
  [
    'code in the body (ReferenceError while rendering)',
    `${FIXTURE}/code-in-body.mdx:21: {...}: results is not a name the body imports or exports (nothing in a case study runs); write the value itself, or import the data it holds at the top (import rows from "./rows.json"); see "Nothing in the body runs" in README.md`,
  ],
  [
    'an import of a file that is not there (Vite: UNRESOLVED_IMPORT)',
    `${FIXTURE}/import-missing.mdx:21: import "./plots.js": file not found: "./plots.js"`,
  ],
  [
    'a component prop written as code (the component throws while rendering)',
    `${FIXTURE}/code-in-body.mdx:21: <Chart> src: file is not a name the body imports or exports (nothing in a case study runs); write the value itself, or import the data it holds at the top (import rows from "./rows.json"); see "Nothing in the body runs" in README.md`,
  ],
];

const isProblemLine = (line: string) => line.startsWith('tests/fixtures/');

describe('content the build used to stop on with a stack trace', () => {
  let built: BuildResult;
  let checkLines: string[];
  beforeAll(async () => {
    const check = spawnSync(
      process.execPath,
      [path.join(projectRoot, 'src/authoring/check.ts'), ...testConfigArgs],
      {
        cwd: projectRoot,
        env: {
          ...childEnv({ CASEFOLIO_CONTENT_DIR: 'tests/fixtures/build-stoppers/content' }),
          CI: '1',
        },
        input: '',
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(check.status, check.stderr).toBe(1);
    checkLines = check.stderr.split('\n').filter(isProblemLine);
    built = await buildSite({ fixture: 'build-stoppers' });
  });

  it.each(CASES)('%s: npm run check names it, and the build stops on the same line', (_, line) => {
    expect(checkLines).toContain(line);
    expect(built.stderr.split('\n')).toContain(line);
  });

  it('stops the build with the check’s lines and a summary, no stack trace and no page', () => {
    expect(built.code).toBe(1);
    expect(built.stderr).not.toMatch(/^\s+at /m);
    expect(built.stderr.split('\n').filter(isProblemLine)).toEqual(checkLines);
    expect(checkLines).toHaveLength(CASES.length);
  });
});
