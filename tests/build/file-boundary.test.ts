import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  childEnv,
  listFiles,
  projectRoot,
  readUnzipped,
  testConfigArgs,
  type BuildResult,
} from '../helpers/build.ts';

/**
 * Content that reaches outside content/ through links, and files that break
 * the limits, in `npm run check` and a production build: each is one line
 * naming the file, nothing outside is read onto a page, and nothing throws.
 * The links, the huge and deep files, and the files outside are made here,
 * in a copy of tests/fixtures/file-boundary (inside the project, as an
 * intern's content is).
 */

const work = path.join(projectRoot, '.tmp', 'file-boundary');
const content = path.join(work, 'content');
const studies = path.join(content, 'case-studies');
/** Beside content/: what a link must never publish (an /etc/passwd of our own, never the system's). */
const outside = path.join(work, 'outside');
const SECRET = 'OUTSIDE-SECRET-a8f3c1';
const shown = '.tmp/file-boundary/content/case-studies';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** A fresh copy of the fixture, every file regular: valid content. */
function copyFixture(): void {
  rmSync(work, { recursive: true, force: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/file-boundary/content'), content, {
    recursive: true,
  });
  mkdirSync(path.join(outside, 'study'), { recursive: true });
  // A valid case study of its own, whose words must never be published.
  const study = readFileSync(path.join(studies, 'deep-json', 'index.mdx'), 'utf8')
    .replace('from: ./summary.json, key: f1', 'value: 0.8')
    .replace('<Chart src="./rows.json" title="Rows" />', SECRET);
  writeFileSync(path.join(outside, 'study.mdx'), study);
  writeFileSync(path.join(outside, 'study', 'index.mdx'), study);
  writeFileSync(path.join(outside, 'passwd'), `root:x:0:0:${SECRET}:/root:/bin/bash\n`);
  writeFileSync(path.join(studies, 'deep-json', 'summary.json'), '{ "f1": 0.8 }\n');
  writeFileSync(path.join(studies, 'deep-json', 'rows.json'), '[{ "x": 1, "y": 2 }]\n');
  for (const image of ['cover.png', 'plot.png']) {
    cpSync(
      path.join(projectRoot, 'tests/fixtures/valid/content/case-studies/full-study/cover.png'),
      path.join(studies, 'linked-image', image),
    );
  }
  cpSync(path.join(studies, 'linked-image', 'plot.png'), path.join(outside, 'plot.png'));
}

/** Replaces `file` (under case-studies/) with a link to `target`. */
function link(file: string, target: string): void {
  rmSync(path.join(studies, file), { recursive: true, force: true });
  symlinkSync(target, path.join(studies, file));
}

/**
 * The links out of content/ that published what they point at: a run's tag
 * linked to a file outside (the /etc/passwd of the issue), and a case study,
 * as a file and as a folder, that is a link out of content/.
 */
function linkOut(): void {
  link('run-link/run/tags/mlflow.runName', path.join(outside, 'passwd'));
  link('elsewhere.mdx', path.join(outside, 'study.mdx'));
  link('elsewhere-folder', path.join(outside, 'study'));
}

/** The rest of the holes: images linked out, a loop of links, a huge file, deep JSON. */
function breakLimits(): void {
  link('linked-image/cover.png', path.join(outside, 'plot.png'));
  link('linked-image/plot.png', path.join(outside, 'plot.png'));
  // A loop of links inside a run.
  link('run-loop/run/tags/loop-a', 'loop-b');
  link('run-loop/run/tags/loop-b', 'loop-a');
  // A 63 MB metric file (sparse, so instant to make): it used to be read whole.
  const huge = path.join(studies, 'run-huge/run/metrics/huge');
  writeFileSync(huge, '');
  truncateSync(huge, 63 * 1024 * 1024);
  // JSON nested 5,000 levels deep, as a metric's artifact and as a chart's rows.
  writeFileSync(
    path.join(studies, 'deep-json/summary.json'),
    `{ "f1": 0.8,\n  "x": ${nested(5000)} }\n`,
  );
  writeFileSync(path.join(studies, 'deep-json/rows.json'), `[${nested(5000)}]\n`);
}

const LINK_OUT = 'is a link to a file outside the content folder; copy the file in instead';
const TOO_DEEP =
  'the file nests lists and objects more than 64 levels deep, the limit (exports nest a few levels); save only the values the page shows';

/** Every line the check and the build print for the hostile content, in order. */
const EXPECTED = [
  `${shown}/deep-json/index.mdx:10: metrics[0].from: ./summary.json (line 2): ${TOO_DEEP} (metric "F1")`,
  `${shown}/deep-json/index.mdx:15: <Chart> src: ./rows.json: ${TOO_DEEP}`,
  `${shown}/elsewhere-folder: this folder is a link to a folder outside the content folder; copy the folder in instead`,
  `${shown}/elsewhere.mdx:1: this file ${LINK_OUT}`,
  `${shown}/linked-image/index.mdx:11: cover.src: path "./cover.png" ${LINK_OUT}`,
  `${shown}/linked-image/index.mdx:16: <Figure> src: path "./plot.png" ${LINK_OUT}`,
  `${shown}/run-huge/index.mdx:10: metrics[0].from: ./run (metrics/huge) is 63.00 MB, over the 5 MB limit for data files; downsample it (for example every 10th row) or keep only the columns you plot (metric "AUC")`,
  `${shown}/run-huge/index.mdx:15: <Chart> src: ./run (metrics/huge) is 63.00 MB, over the 5 MB limit for data files; downsample it (for example every 10th row) or keep only the columns you plot`,
  `${shown}/run-link/index.mdx:10: metrics[0].from: path "./run/tags/mlflow.runName" ${LINK_OUT} (metric "AUC")`,
  `${shown}/run-link/index.mdx:15: <Chart> src: path "./run/tags/mlflow.runName" ${LINK_OUT}`,
  `${shown}/run-loop/index.mdx:10: metrics[0].from: path "./run/tags/loop-a" is a link that leads back to itself in a loop; copy the file in instead; also refused: "./run/tags/loop-b" (metric "AUC")`,
  `${shown}/run-loop/index.mdx:15: <Chart> src: path "./run/tags/loop-a" is a link that leads back to itself in a loop; copy the file in instead; also refused: "./run/tags/loop-b"`,
  // The loop itself, named where it is (files/broken-links.ts), beside each reader it stops.
  `${shown}/run-loop/run/tags/loop-a: a link that leads back to itself (a loop of links), which no reader can follow; remove it`,
  `${shown}/run-loop/run/tags/loop-b: a link that leads back to itself (a loop of links), which no reader can follow; remove it`,
];

function runCheck(): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    [path.join(projectRoot, 'src/authoring/check.ts'), ...testConfigArgs],
    {
      cwd: projectRoot,
      env: { ...childEnv({ CASEFOLIO_CONTENT_DIR: content }), CI: '1' },
      input: '',
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The lines about the content copy that a run printed. */
const lines = (output: string) => output.split('\n').filter((line) => line.startsWith(shown));

/** Every file of a build's output holds no byte of the files outside. */
function expectNothingFromOutside(outDir: string): void {
  for (const file of listFiles(outDir)) {
    expect(readUnzipped(path.join(outDir, file)).includes(SECRET), file).toBe(false);
  }
}

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('links out of content/, alone', () => {
  it('fail the build with one line each, and nothing outside is published', async () => {
    copyFixture();
    linkOut();
    const build = await buildSite({
      fresh: true,
      label: 'file-boundary-links',
      env: { CASEFOLIO_CONTENT_DIR: content },
    });
    expectNothingFromOutside(build.outDir);
    expect(lines(build.stderr)).toEqual(EXPECTED.filter((line) => /elsewhere|run-link/.test(line)));
    expect(build.code).toBe(1);
    expect(listFiles(build.outDir).filter((file) => file.endsWith('.html'))).toEqual([]);
  });
});

describe('content that reaches outside content/ or breaks the limits', () => {
  let build: BuildResult;
  let check: ReturnType<typeof runCheck>;

  beforeAll(async () => {
    copyFixture();
    // The same content with regular files is valid: each line below is the hole's.
    const control = runCheck();
    expect(control.stderr).toBe('');
    expect(control.code).toBe(0);
    linkOut();
    breakLimits();
    check = runCheck();
    build = await buildSite({
      fresh: true,
      label: 'file-boundary',
      env: { CASEFOLIO_CONTENT_DIR: content },
    });
  });

  it('fails npm run check with one line per problem, naming each file, and no stack trace', () => {
    expect(check.code).toBe(1);
    expect(lines(check.stderr)).toEqual(EXPECTED);
    expect(check.stderr).not.toMatch(/^\s+at /m);
    expect(check.stderr).not.toMatch(/ELOOP|RangeError|Maximum call stack|Cannot create a string/);
  });

  it('fails the build with the same lines and a summary, and nothing else', () => {
    expect(build.code).toBe(1);
    expect(lines(build.stderr)).toEqual(EXPECTED);
    const other = build.stderr
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith(shown));
    expect(other).toEqual([
      `Casefolio found ${EXPECTED.length} problems in 9 files. Fix them and run the command again.`,
    ]);
  });

  it('publishes nothing, and no byte of the files outside', () => {
    expect(listFiles(build.outDir).filter((file) => file.endsWith('.html'))).toEqual([]);
    expectNothingFromOutside(build.outDir);
  });
});
