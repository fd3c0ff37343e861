import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  childEnv,
  listFiles,
  loadPage,
  projectRoot,
  testConfigArgs,
  text,
} from '../helpers/build.ts';

/**
 * `npm run new -- --fresh` as an intern runs it on a clone: never on the
 * project's own content/, always on a temporary copy of the sample fixture
 * (tests/fixtures/sample/content, a copy of what ships in content/).
 */

const sample = path.join(projectRoot, 'tests', 'fixtures', 'sample', 'content');
const starter = readFileSync(path.join(projectRoot, 'templates', 'profile.yaml'), 'utf8');
const temps: string[] = [];

/** A fresh copy of the sample content in a temporary folder. */
function copyOfSample(): string {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'casefolio-fresh-'));
  temps.push(temp);
  const content = path.join(temp, 'content');
  cpSync(sample, content, { recursive: true });
  return content;
}

afterAll(() => {
  for (const temp of temps) rmSync(temp, { recursive: true, force: true });
});

/** Runs a CLI script as npm does, from the project root, in CI with nothing on stdin. */
function run(script: 'new' | 'check', contentDir: string, args: string[]) {
  const result = spawnSync(
    process.execPath,
    [`src/authoring/${script}.ts`, ...testConfigArgs, ...args],
    {
      cwd: projectRoot,
      env: { ...childEnv({ CASEFOLIO_CONTENT_DIR: contentDir, CI: '1' }), BASE_PATH: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under a folder with its bytes, to see that a run changed nothing. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file), 'base64')]),
  );
}

const NEXT = [
  '  2. npm run new   to start your first case study from a template',
  '  3. npm run dev   to preview it as you write (npm run check reviews it)',
  'The sample stays in tests/fixtures/sample/content/ to look at.',
];

describe('npm run new -- --fresh on the untouched sample', () => {
  let content: string;
  let first: ReturnType<typeof run>;

  beforeAll(() => {
    content = copyOfSample();
    first = run('new', content, ['--fresh']);
  });

  it('removes the four case studies and the profile, and says what to run next', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n')).toEqual([
      `Removed the sample from ${content}/:`,
      `  ${content}/case-studies/bike-share-demand-forecast/ (3 files)`,
      `  ${content}/case-studies/breast-biopsy-screening/ (21 files)`,
      `  ${content}/case-studies/card-fraud-detection/ (5 files)`,
      `  ${content}/case-studies/checkout-experiment-analysis/ (3 files)`,
      `  ${content}/profile.yaml`,
      `Wrote ${content}/profile.yaml, a starter profile: its comments say what to write.`,
      '',
      'Next:',
      `  1. Put your name and headline in ${content}/profile.yaml.`,
      ...NEXT,
      '',
    ]);
    expect(listFiles(content)).toEqual(['profile.yaml']);
    expect(readFileSync(path.join(content, 'profile.yaml'), 'utf8')).toBe(starter);
  });

  it('is harmless the second time', () => {
    const before = snapshot(content);
    const again = run('new', content, ['--fresh']);
    expect(again.code).toBe(0);
    expect(again.stdout.split('\n').slice(0, 2)).toEqual([
      `Nothing to remove: the sample is no longer in ${content}/.`,
      `${content}/profile.yaml is the starter profile already.`,
    ]);
    expect(snapshot(content)).toEqual(before);
  });

  it('leaves a portfolio that npm run new, npm run check and the build accept', async () => {
    const created = run('new', content, [
      '--title',
      'Predicting churn 6 weeks ahead',
      '--template',
      'classification',
      '--yes',
      '--publish',
    ]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);

    const check = run('check', content, []);
    expect(check.stdout).toContain('0 errors');
    expect(check.code).toBe(0);

    const build = await buildSite({
      fresh: true,
      label: 'fresh-start',
      env: { CASEFOLIO_CONTENT_DIR: content },
    });
    expect(build.stderr).not.toMatch(/error/i);
    expect(build.code).toBe(0);
    const home = loadPage(build.outDir, '/');
    expect(text(home, 'h1')).toBe('Your Name');
    expect(home('a[href="/case-studies/predicting-churn-6-weeks-ahead/"]').length).toBeGreaterThan(
      0,
    );
    expect(home.html()).not.toContain('Maya Okafor');
    const pages = listFiles(build.outDir).filter((file) => file.endsWith('.html'));
    expect(pages.filter((file) => file.startsWith('case-studies/'))).toEqual([
      'case-studies/predicting-churn-6-weeks-ahead/index.html',
    ]);
    expect(text(loadPage(build.outDir, '/resume/'), 'main')).toContain('Your university');
  });
});

describe('npm run new -- --fresh never deletes what the user wrote', () => {
  let content: string;
  let mine: Record<string, string>;
  let result: ReturnType<typeof run>;

  beforeAll(() => {
    content = copyOfSample();
    // An edited sample case study, a sample case study with a file added, an
    // edited profile, and a case study of the user's own beside the samples.
    appendFileSync(path.join(content, 'case-studies/card-fraud-detection/index.mdx'), '\nMine.\n');
    writeFileSync(path.join(content, 'case-studies/bike-share-demand-forecast/notes.md'), 'todo\n');
    appendFileSync(path.join(content, 'profile.yaml'), '# Mine.\n');
    mkdirSync(path.join(content, 'case-studies/my-churn-model'));
    cpSync(
      path.join(content, 'case-studies/checkout-experiment-analysis/index.mdx'),
      path.join(content, 'case-studies/my-churn-model/index.mdx'),
    );
    const snap = snapshot(content);
    mine = Object.fromEntries(
      Object.entries(snap).filter(
        ([file]) =>
          file === 'profile.yaml' ||
          /^case-studies\/(card-fraud-detection|bike-share-demand-forecast|my-churn-model)\//.test(
            file,
          ),
      ),
    );
    result = run('new', content, ['--fresh']);
  });

  it('keeps them byte for byte, lists why, and removes only the untouched sample', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      `Removed the sample from ${content}/:`,
      `  ${content}/case-studies/breast-biopsy-screening/ (21 files)`,
      `  ${content}/case-studies/checkout-experiment-analysis/ (3 files)`,
      'Kept, because it is no longer just the sample (delete it yourself if you do not need it):',
      `  ${content}/case-studies/bike-share-demand-forecast/: you added notes.md`,
      `  ${content}/case-studies/card-fraud-detection/: you changed index.mdx`,
      `  ${content}/profile.yaml: you changed it`,
      '',
      'Next:',
      ...NEXT.map((line) => line.replace(/^ {2}\d/, (step) => `  ${Number(step) - 1}`)),
      '',
    ]);
    expect(snapshot(content)).toEqual(mine);
    expect(existsSync(path.join(content, 'case-studies/checkout-experiment-analysis'))).toBe(false);
  });

  it('changes nothing when run again', () => {
    const again = run('new', content, ['--fresh']);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('Removed');
    expect(snapshot(content)).toEqual(mine);
  });
});

describe('npm run new -- --fresh with other options', () => {
  it('refuses them in one line and changes nothing', () => {
    const content = copyOfSample();
    const before = snapshot(content);
    const result = run('new', content, ['--fresh', '--title', 'Churn', '--yes']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      '--fresh cannot be combined with --title: run npm run new -- --fresh first, then npm run new\n',
    );
    expect(snapshot(content)).toEqual(before);
  });

  it('is in --help', () => {
    expect(run('new', copyOfSample(), ['--help']).stdout).toContain(
      '--fresh                 remove the sample portfolio and write a starter profile',
    );
  });
});
