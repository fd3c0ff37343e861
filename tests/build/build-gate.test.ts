import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  childEnv,
  projectRoot,
  runCommand,
  testConfigArgs,
  type BuildResult,
} from '../helpers/build.ts';

/** The `npm run check` error line for the fixture's one image without alt text. */
const MISSING_ALT =
  'tests/fixtures/build-gate/missing-alt/content/case-studies/churn-model/index.mdx:24: image ./plot.png has no alt text: write ![what it shows](./plot.png)';

/** `npm run check` over a fixture's content: its exit code and what it printed. */
async function check(fixture: string): Promise<BuildResult> {
  const result = await runCommand(
    process.execPath,
    [path.join(projectRoot, 'src/authoring/check.ts'), ...testConfigArgs],
    {
      cwd: projectRoot,
      env: childEnv({
        NO_COLOR: '1',
        CASEFOLIO_CONTENT_DIR: `tests/fixtures/build-gate/${fixture}/content`,
      }),
    },
  );
  return { ...result, outDir: '' };
}

describe('a build over content that `npm run check` calls an error', () => {
  let built: BuildResult;
  let checked: BuildResult;
  beforeAll(async () => {
    [built, checked] = await Promise.all([
      buildSite({ fixture: 'build-gate/missing-alt' }),
      check('missing-alt'),
    ]);
  });

  it('fails with the lint line check prints, then the summary, and nothing else', () => {
    expect(checked.code).toBe(1);
    expect(checked.stderr.trim()).toBe(MISSING_ALT);
    expect(built.code).toBe(1);
    expect(built.stderr.trim().split('\n')).toEqual([
      MISSING_ALT,
      '',
      'Casefolio found 1 problem in 1 file. Fix it and run the command again.',
    ]);
  });

  it('writes no page', () => {
    expect(existsSync(path.join(built.outDir, 'index.html'))).toBe(false);
  });

  it('stops `astro sync` (which `astro check` runs first) with the same lines and nothing else', async () => {
    const synced = await runCommand(
      process.execPath,
      [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'sync', ...testConfigArgs],
      {
        cwd: projectRoot,
        env: childEnv({
          NO_COLOR: '1',
          CASEFOLIO_CONTENT_DIR: 'tests/fixtures/build-gate/missing-alt/content',
        }),
      },
    );
    expect(synced.code).toBe(1);
    expect(synced.stderr.trim().split('\n')).toEqual([
      MISSING_ALT,
      '',
      'Casefolio found 1 problem in 1 file. Fix it and run the command again.',
    ]);
  });
});

describe('a build over content with lint warnings only', () => {
  let built: BuildResult;
  beforeAll(async () => {
    // Fresh: a test below builds into its folder again.
    built = await buildSite({
      fixture: 'build-gate/warning-only',
      fresh: true,
      label: 'build-gate-warning-only',
    });
  });

  it('builds, and prints each warning once, as check does', () => {
    expect(built.code, built.stderr).toBe(0);
    expect(existsSync(path.join(built.outDir, 'case-studies/churn-model/index.html'))).toBe(true);
    const warning =
      'tests/fixtures/build-gate/warning-only/content/case-studies/churn-model.mdx:11: warning: metrics[1] (Precision) has no baseline: a result reads better against what it replaced';
    expect(built.stdout.split(warning).length - 1).toBe(1);
  });

  it('leaves no site behind when the next build into the same folder fails', async () => {
    // A deploy folder of its own, as GitHub Pages users keep: its .git survives.
    mkdirSync(path.join(built.outDir, '.git'), { recursive: true });
    writeFileSync(path.join(built.outDir, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
    expect(existsSync(path.join(built.outDir, 'index.html'))).toBe(true);
    const failed = await runCommand(
      process.execPath,
      [
        path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'),
        'build',
        ...testConfigArgs,
        '--outDir',
        built.outDir,
      ],
      {
        cwd: projectRoot,
        env: childEnv({ CASEFOLIO_CONTENT_DIR: 'tests/fixtures/build-gate/missing-alt/content' }),
      },
    );
    expect(failed.code, failed.stderr).toBe(1);
    expect(readdirSync(built.outDir)).toEqual(['.git']);
  });
});

describe('a build whose own machinery fails (a child process dies)', () => {
  /** A fresh build of the valid fixture in which the child process started from `child` dies. */
  const buildWithFailing = (child: string) =>
    buildSite({
      fixture: 'valid',
      fresh: true,
      label: `gate-fail-${child}`,
      env: {
        CASEFOLIO_FAIL_CHILD: child,
        NODE_OPTIONS: `--import ${path.join(projectRoot, 'tests/fixtures/child-jobs/fail-named-child.ts')}`,
      },
    });

  it.each([
    [
      'integration/build-child.ts',
      'the content could not be checked: the content check stopped with code 1',
    ],
    [
      'og/paint-child.ts',
      'the social preview images could not be painted: the Open Graph card painter stopped with code 1',
    ],
  ])(
    'stops with one line and no stack trace when %s dies, and writes no page',
    async (child, line) => {
      const built = await buildWithFailing(child);
      expect(built.code).toBe(1);
      const printed = `${built.stdout}\n${built.stderr}`;
      expect(printed).toContain(line);
      expect(printed).not.toMatch(/^\s+at /m);
      expect(printed).not.toContain('Stack trace');
      expect(printed).not.toContain('No files found');
      expect(existsSync(path.join(built.outDir, 'index.html'))).toBe(false);
    },
  );
});
