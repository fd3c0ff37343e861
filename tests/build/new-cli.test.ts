import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem } from '../../src/problems/problem.ts';
import { testConfigArgs } from '../helpers/build.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = path.join(root, 'tests', 'fixtures', 'drafts', 'content');

let tempDir: string;
let contentDir: string;

beforeEach(() => {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'casefolio-new-'));
  contentDir = path.join(tempDir, 'content');
  cpSync(fixture, contentDir, { recursive: true });
});

afterEach(() => {
  rmSync(tempDir, { recursive: true, force: true });
});

/**
 * Runs `npm run new`'s script the way npm does: from the project root, with stdin
 * and stdout piped (no TTY), reading the tests' Astro config, never the user's.
 */
function runNew(args: string[], extraEnv: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    CASEFOLIO_CONTENT_DIR: contentDir,
  };
  delete env['BASE_PATH'];
  Object.assign(env, extraEnv);
  const result = spawnSync(process.execPath, ['src/authoring/new.ts', ...testConfigArgs, ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const title = 'Prédiction 🚲 de la demande!';
const slug = 'prediction-de-la-demande';

function createdFile(): string {
  return path.join(contentDir, 'case-studies', slug, 'index.mdx');
}

describe('npm run new', () => {
  it('prints the preview address under the base path the Astro config sets', () => {
    const result = runNew(['--title', 'Churn model', '--template', 'classification', '--yes'], {
      BASE_PATH: '/portfolio/',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(
      'Preview: run npm run dev, then open http://localhost:4321/portfolio/case-studies/churn-model/\n',
    );
  });

  it('refuses a --config file that does not exist, with one line', () => {
    const result = runNew([
      '--config',
      'no-such.config.mjs',
      '--title',
      'Churn model',
      '--template',
      'classification',
      '--yes',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('--config no-such.config.mjs: file not found\n');
    expect(existsSync(path.join(contentDir, 'case-studies', 'churn-model'))).toBe(false);
  });

  it('creates the folder form with the derived slug and prints the file and the URL', () => {
    const result = runNew([
      '--title',
      title,
      '--template',
      'forecasting',
      '--organization',
      'Vélo: a bike-share operator',
      '--role',
      'Data Science Intern',
      '--start',
      '2025-06',
      '--yes',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Created ${createdFile()} (a draft)\n` +
        `Preview: run npm run dev, then open http://localhost:4321/case-studies/${slug}/\n`,
    );
    const text = readFileSync(createdFile(), 'utf8');
    expect(text).toMatch(/^title: Prédiction 🚲 de la demande!$/m);
    expect(text).toMatch(/^organization: "Vélo: a bike-share operator"$/m);
    expect(text).toMatch(/^period: \{start: 2025-06\}$/m);
    expect(text).toMatch(/^draft: true$/m);
    expect(text).toContain('# Forecasting case study template.');
  });

  it('creates a file that passes the content check with zero problems, as a draft', () => {
    const result = runNew(['--title', title, '--template', 'classification', '--yes']);
    expect(result.code).toBe(0);
    const report = checkContent({ root, contentDir });
    expect(report.problems.map(formatProblem)).toEqual([]);
    const created = report.caseStudies.find((entry) => entry.slug === slug);
    expect(created).toMatchObject({ entry: `${slug}/index.mdx`, draft: true });
  });

  it('starts with the headings the site asks for: German ones in a German site', () => {
    const result = runNew(['--title', title, '--template', 'forecasting', '--yes'], {
      CASEFOLIO_TEST_OPTIONS: JSON.stringify({ locale: 'de' }),
    });
    expect(result.code, result.stderr).toBe(0);
    const headings = readFileSync(createdFile(), 'utf8').match(/^## .*$/gm);
    expect(headings).toEqual(['## Problem', '## Vorgehen', '## Ergebnisse', '## Wirkung']);
  });

  it('defaults the start to the current month and keeps the template organization and role', () => {
    const now = new Date();
    const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    expect(runNew(['--title', 'Churn model', '--template', 'analytics', '--yes']).code).toBe(0);
    const text = readFileSync(
      path.join(contentDir, 'case-studies', 'churn-model', 'index.mdx'),
      'utf8',
    );
    expect(text).toContain(`period: {start: ${month}}`);
    expect(text).toMatch(/^organization: Your organization$/m);
    expect(text).toMatch(/^role: Product Analytics Intern$/m);
  });

  it('refuses to overwrite: exit 1, the "already exists" line, the file byte-identical', () => {
    expect(runNew(['--title', title, '--template', 'forecasting', '--yes']).code).toBe(0);
    const before = readFileSync(createdFile());
    const again = runNew(['--title', title, '--template', 'classification', '--yes']);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe(
      `${createdFile()} already exists; pick another title or edit that file\n`,
    );
    expect(readFileSync(createdFile()).equals(before)).toBe(true);
  });

  it('refuses a slug taken by a single-file case study or a folder', () => {
    const single = runNew(['--title', 'Single draft', '--template', 'analytics', '--yes']);
    expect(single.code).toBe(1);
    expect(single.stderr).toContain('single-draft.mdx already exists');
    expect(existsSync(path.join(contentDir, 'case-studies', 'single-draft'))).toBe(false);

    const folder = runNew(['--title', 'Secret draft', '--template', 'analytics', '--yes']);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain('secret-draft/index.mdx already exists');
  });

  it('lists the templates when the template is unknown', () => {
    const result = runNew(['--title', 'Churn model', '--template', 'regression', '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'unknown template "regression"; available templates: analytics, classification, forecasting\n',
    );
    expect(existsSync(path.join(contentDir, 'case-studies', 'churn-model'))).toBe(false);
  });

  it('does not prompt without a terminal: asks for --title and --yes in one line', () => {
    const result = runNew([]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('--title');
    expect(lines[0]).toContain('--yes');
  });

  it('rejects a start that is not a real date, creating nothing', () => {
    const result = runNew([
      '--title',
      'Churn model',
      '--template',
      'analytics',
      '--start',
      '2025-02-30',
      '--yes',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      '--start: 2025-02-30 is not a real date (February 2025 has 28 days)\n',
    );
    expect(existsSync(path.join(contentDir, 'case-studies', 'churn-model'))).toBe(false);
  });

  it('requires --title with --yes', () => {
    const result = runNew(['--template', 'analytics', '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--title is required with --yes');
  });

  it('prints usage with --help', () => {
    const result = runNew(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: npm run new');
    expect(result.stdout).toContain('analytics, classification, forecasting');
  });
});

describe('npm run new -- --notebook', () => {
  const notebook = path.join(root, 'tests', 'fixtures', 'notebooks', 'shared', 'case_study.ipynb');

  it('starts the case study around the notebook: copied in, shown in Approach, titled by its heading', () => {
    const result = runNew(['--notebook', notebook, '--template', 'classification', '--yes']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const folder = path.join(contentDir, 'case-studies', 'breast-cancer-classifier');
    // Copied byte for byte, under a name every path rule takes.
    expect(readFileSync(path.join(folder, 'case-study.ipynb'))).toEqual(readFileSync(notebook));
    const text = readFileSync(path.join(folder, 'index.mdx'), 'utf8');
    expect(text).toContain('title: Breast cancer classifier\n');
    const approach = text.slice(text.indexOf('## Approach'), text.indexOf('## Results'));
    expect(approach).toMatch(
      /^## Approach\n\n[^\n]+\n\n<Notebook src="\.\/case-study\.ipynb" \/>\n\n$/,
    );
    expect(text.match(/<Notebook /g)).toHaveLength(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Created .*breast-cancer-classifier\/index\.mdx \(a draft\)$/);
    // The example names this notebook's own cells (its figure first), and says what else there is.
    expect(lines[1]).toMatch(
      /^Copied the notebook to .*breast-cancer-classifier\/case-study\.ipynb; <Notebook> shows it whole in the Approach section: pick the cells that tell the story, as cells=\{\[1, 3\]\}: it has ids "e96c0540", .* and execution counts 1-5 but no #\| label: lines; write one of these, or add a line "#\| label: NAME" at the top of the cell you mean$/,
    );
    // The figure of In [3] has no alt text: the note says how to give it one, as the check does.
    expect(lines.some((line) => line.startsWith('To fix: ') && line.includes('alt={{ 3: '))).toBe(
      true,
    );
    expect(lines.at(-1)).toMatch(/^Preview: run npm run dev, then open http:\/\/localhost:4321\//);
  });

  it('takes --title over the heading', () => {
    const result = runNew([
      '--notebook',
      notebook,
      '--title',
      'Tumour triage',
      '--template',
      'classification',
      '--yes',
    ]);
    expect(result.code).toBe(0);
    expect(
      existsSync(path.join(contentDir, 'case-studies', 'tumour-triage', 'case-study.ipynb')),
    ).toBe(true);
  });

  it('refuses a notebook it cannot read in one line, creating nothing', () => {
    const broken = path.join(tempDir, 'broken.ipynb');
    writeFileSync(broken, '{"cells": [');
    for (const [given, expected] of [
      [broken, /^--notebook: ".*broken\.ipynb": .+$/],
      [path.join(tempDir, 'gone.ipynb'), /^--notebook: ".*gone\.ipynb": file not found$/],
      [
        path.join(tempDir, 'notes.md'),
        /^--notebook: ".*notes\.md" is not a Jupyter notebook \(a \.ipynb file\)$/,
      ],
    ] as const) {
      const result = runNew(['--notebook', given, '--template', 'classification', '--yes']);
      expect(result.code).toBe(1);
      expect(result.stderr.trimEnd()).toMatch(expected);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect(existsSync(path.join(contentDir, 'case-studies', 'breast-cancer-classifier'))).toBe(
      false,
    );
  });

  it('cannot be combined with --fresh', () => {
    const result = runNew(['--fresh', '--notebook', notebook]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--fresh cannot be combined with --notebook');
  });
});

describe('npm run new -- --member', () => {
  const people = () => path.join(contentDir, 'people');

  it('adds a member: profile, empty case-studies/ and cohort.yaml, then says what is next', () => {
    const result = runNew(['--member', 'ada-lovelace']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const member = path.join(people(), 'ada-lovelace');
    expect(result.stdout).toBe(
      `Created ${member}/profile.yaml, a starter profile: its comments say what to write.\n` +
        `Created ${member}/case-studies/, empty: the member's case studies go there.\n` +
        `Created ${contentDir}/cohort.yaml, which makes the site a cohort: put the program's name in it.\n` +
        // The drafts fixture is a single portfolio: its files are named, and left alone.
        `${contentDir}/profile.yaml and ${contentDir}/case-studies/ are a single portfolio's: a cohort's members live in ${people()}/, so move them into a member's folder to keep them.\n` +
        '\n' +
        'Next:\n' +
        `  1. Put the member's name and headline in ${member}/profile.yaml.\n` +
        '  2. npm run new -- --member ada-lovelace --title "..." --template analytics   to start their first case study\n' +
        '  3. npm run dev   to preview it at http://localhost:4321/people/ada-lovelace/ (npm run check reviews every member)\n',
    );
    expect(existsSync(path.join(member, 'case-studies', '.gitkeep'))).toBe(true);
    expect(existsSync(path.join(contentDir, 'case-studies', 'secret-draft', 'index.mdx'))).toBe(
      true,
    );
  });

  it('refuses an invalid slug and an existing member, in one line each', () => {
    const bad = runNew(['--member', 'Ada Lovelace']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      '--member: invalid slug "Ada Lovelace": use lowercase letters, digits and single hyphens, as in "ada-lovelace"\n',
    );
    expect(existsSync(people())).toBe(false);
    // Checked before the case-study options use it as a path: nothing is written outside people/.
    mkdirSync(path.join(tempDir, 'outside'));
    const escape = runNew([
      '--member',
      '../../outside',
      '--title',
      'Churn model',
      '--template',
      'analytics',
      '--yes',
    ]);
    expect(escape.code).toBe(1);
    expect(escape.stderr).toMatch(/^--member: invalid slug "..\/..\/outside": /);
    expect(readdirSync(path.join(tempDir, 'outside'))).toEqual([]);
    expect(runNew(['--member', 'ada']).code).toBe(0);
    const again = runNew(['--member', 'ada']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      `${people()}/ada/ already exists; to add a case study to it: npm run new -- --member ada --title "..."\n`,
    );
  });

  it('with the case-study options, creates the case study in the member, in either form', () => {
    expect(runNew(['--member', 'ada']).code).toBe(0);
    const result = runNew([
      '--member',
      'ada',
      '--title',
      'Churn model',
      '--template',
      'analytics',
      '--yes',
    ]);
    expect(result.stderr).toBe('');
    const file = path.join(people(), 'ada', 'case-studies', 'churn-model', 'index.mdx');
    expect(result.stdout).toBe(
      `Created ${file} (a draft)\n` +
        'Preview: run npm run dev, then open http://localhost:4321/people/ada/case-studies/churn-model/\n',
    );
    const report = checkContent({ root, contentDir: path.join(people(), 'ada') });
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.caseStudies.map((entry) => entry.slug)).toEqual(['churn-model']);

    // A member that is a whole Casefolio repository (a git submodule): its content/ is used.
    const repository = path.join(people(), 'grace', 'content');
    cpSync(fixture, repository, { recursive: true });
    expect(
      runNew(['--member', 'grace', '--title', 'Churn model', '--template', 'analytics', '--yes'])
        .code,
    ).toBe(0);
    expect(existsSync(path.join(repository, 'case-studies', 'churn-model', 'index.mdx'))).toBe(
      true,
    );
  });

  it('refuses a case study for a member that does not exist, and --fresh with --member', () => {
    const missing = runNew([
      '--member',
      'bob',
      '--title',
      'Churn model',
      '--template',
      'analytics',
      '--yes',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      `${people()}/bob/ does not exist: add the member first with npm run new -- --member bob\n`,
    );
    const fresh = runNew(['--fresh', '--member', 'bob']);
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toContain('--fresh cannot be combined with --member');
    expect(existsSync(people())).toBe(false);
  });

  it('is in --help', () => {
    expect(runNew(['--help']).stdout).toContain('--member <slug>');
  });
});
