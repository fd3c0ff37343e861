import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadSiteOptions } from '../../src/authoring/site-config.ts';
import type { Completeness } from '../../src/authoring/completeness.ts';
import type { Finding } from '../../src/content/lints.ts';
import { formatProblem } from '../../src/problems/problem.ts';
import {
  buildSite,
  childEnv,
  projectRoot,
  testConfigArgs,
  type BuildResult,
} from '../helpers/build.ts';

/**
 * `npm run check` as an intern runs it: `node src/authoring/check.ts` in a
 * subprocess, once per lint fixture under tests/fixtures/lints/<rule>/content.
 */

const checkScript = path.join(projectRoot, 'src', 'authoring', 'check.ts');

interface CheckRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time of the run, in milliseconds. */
  ms: number;
}

interface CheckJson {
  errors: number;
  warnings: number;
  findings: Finding[];
  completeness: Completeness[];
}

interface RunOptions {
  /** Folder to run in: the project root, with the tests' Astro config, by default. */
  cwd?: string;
  /** Content folder for CASEFOLIO_CONTENT_DIR; undefined leaves it unset. */
  contentDir?: string;
}

function runCheck(args: string[] = [], options: RunOptions = {}): CheckRun {
  const env = childEnv(options.contentDir ? { CASEFOLIO_CONTENT_DIR: options.contentDir } : {});
  if (!options.contentDir) delete env['CASEFOLIO_CONTENT_DIR'];
  const started = performance.now();
  // Stdin is an empty pipe, never a TTY: the check must not wait for input.
  // In the project root, the tests' config: never the user's astro.config.mjs or public/.
  const config = options.cwd === undefined ? testConfigArgs : [];
  const result = spawnSync(process.execPath, [checkScript, ...config, ...args], {
    cwd: options.cwd ?? projectRoot,
    env: { ...env, CI: '1' },
    input: '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    ms: performance.now() - started,
  };
}

const fixtureContent = (rule: string) => `tests/fixtures/lints/${rule}/content`;
const runFixture = (rule: string, args: string[] = []) =>
  runCheck(args, { contentDir: fixtureContent(rule) });

function runJson(args: string[] = [], options: RunOptions = {}): CheckJson & { run: CheckRun } {
  const run = runCheck(['--json', ...args], options);
  return { ...(JSON.parse(run.stdout) as CheckJson), run };
}

/** Non-empty lines of an output stream. */
function linesOf(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

const TABLE_HEADER = 'case study   baselines  sections  cover  links  outcome  limits  groups';

/** The whole stdout of a text run: warnings, the completeness table, the summary. */
function stdoutOf(warnings: string[], table: string[], summary: string): string {
  return [...warnings, '', ...table, '', summary, ''].join('\n');
}

interface RuleCase {
  rule: string;
  /** Lines on stderr, in order. */
  errors: string[];
  /** `warning:` lines on stdout, in order. */
  warnings: string[];
  /** The completeness table, header included. */
  table: string[];
  summary: string;
  /** The JSON findings, as rule/severity/line/file. */
  findings: Pick<Finding, 'rule' | 'severity' | 'line' | 'file'>[];
  completeness: Completeness[];
}

const full = (slug: string, overrides: Partial<Completeness> = {}): Completeness => ({
  slug,
  draft: false,
  baselines: { with: 1, of: 1 },
  sections: { with: 4, of: 4 },
  cover: false,
  links: 0,
  outcome: true,
  limits: true,
  groups: false,
  ...overrides,
});

const cs = (rule: string, entry: string) => `${fixtureContent(rule)}/case-studies/${entry}`;

const ONE_ROW = [
  TABLE_HEADER,
  'churn-model  1/1        4/4       no     0      yes      yes     no',
];

const cases: RuleCase[] = [
  {
    rule: 'sections',
    errors: [
      `${cs('sections', 'churn-model.mdx')}:15: missing sections "## Results", "## Impact" (every case study has Problem, Approach, Results, Impact)`,
    ],
    warnings: [],
    table: [TABLE_HEADER, 'churn-model  1/1        2/4 !     no     0      yes      yes     no'],
    summary: '1 error, 0 warnings in 1 case study and the profile.',
    findings: [
      { rule: 'sections', severity: 'error', line: 15, file: cs('sections', 'churn-model.mdx') },
    ],
    completeness: [full('churn-model', { sections: { with: 2, of: 4 } })],
  },
  {
    rule: 'image-alt',
    errors: [
      `${cs('image-alt', 'churn-model/index.mdx')}:24: image ./plot.png has no alt text: write ![what it shows](./plot.png)`,
      `${cs('image-alt', 'churn-model/index.mdx')}:30: <img> has no alt text: add alt="what it shows"`,
    ],
    warnings: [],
    table: ONE_ROW,
    summary: '2 errors, 0 warnings in 1 case study and the profile.',
    findings: [
      {
        rule: 'image-alt',
        severity: 'error',
        line: 24,
        file: cs('image-alt', 'churn-model/index.mdx'),
      },
      {
        rule: 'image-alt',
        severity: 'error',
        line: 30,
        file: cs('image-alt', 'churn-model/index.mdx'),
      },
    ],
    completeness: [full('churn-model')],
  },
  {
    // The build reports an unknown <Metric> name too, so the check reports it
    // with the build's line and rule `schema`.
    rule: 'metric-name',
    errors: [
      `${cs('metric-name', 'churn-model.mdx')}:26: <Metric> name: no metric "Recal" in the frontmatter (did you mean "Recall"?)`,
    ],
    warnings: [],
    table: ONE_ROW,
    summary: '1 error, 0 warnings in 1 case study and the profile.',
    findings: [
      { rule: 'schema', severity: 'error', line: 26, file: cs('metric-name', 'churn-model.mdx') },
    ],
    completeness: [full('churn-model')],
  },
  {
    rule: 'baseline',
    errors: [],
    warnings: [
      `${cs('baseline', 'churn-model.mdx')}:11: warning: metrics[1] (Precision) has no baseline: a result reads better against what it replaced`,
    ],
    table: [TABLE_HEADER, 'churn-model  1/2 !      4/4       no     0      yes      yes     no'],
    summary: '0 errors, 1 warning in 1 case study and the profile.',
    findings: [
      { rule: 'baseline', severity: 'warning', line: 11, file: cs('baseline', 'churn-model.mdx') },
    ],
    completeness: [full('churn-model', { baselines: { with: 1, of: 2 } })],
  },
  {
    rule: 'limitations',
    errors: [],
    warnings: [
      `${cs('limitations', 'churn-model.mdx')}:8: warning: a classification model without responsible.limitations: add where it is known to do badly or was not tested (a rare class, a group with little data, traffic after the training period), as responsible.limitations: [...]`,
    ],
    table: [TABLE_HEADER, 'churn-model  1/1        4/4       no     0      yes      no      no'],
    summary: '0 errors, 1 warning in 1 case study and the profile.',
    findings: [
      {
        rule: 'limitations',
        severity: 'warning',
        line: 8,
        file: cs('limitations', 'churn-model.mdx'),
      },
    ],
    completeness: [full('churn-model', { limits: false })],
  },
  {
    rule: 'summary-length',
    errors: [],
    warnings: [
      `${cs('summary-length', 'churn-model.mdx')}:3: warning: summary is 240 characters; cards show about 200, so lead with the result`,
    ],
    table: ONE_ROW,
    summary: '0 errors, 1 warning in 1 case study and the profile.',
    findings: [
      {
        rule: 'summary-length',
        severity: 'warning',
        line: 3,
        file: cs('summary-length', 'churn-model.mdx'),
      },
    ],
    completeness: [full('churn-model')],
  },
  {
    rule: 'case-study-link',
    errors: [
      `${cs('case-study-link', 'churn-model.mdx')}:30: link to a case study that does not exist: /case-studies/no-such-study/`,
    ],
    warnings: [],
    table: [
      'case study         baselines  sections  cover  links  outcome  limits  groups',
      'churn-model        1/1        4/4       no     0      yes      yes     no',
      'pricing-dashboard  1/1        4/4       no     0      no       no      no',
    ],
    summary: '1 error, 0 warnings in 2 case studies and the profile.',
    findings: [
      {
        rule: 'case-study-link',
        severity: 'error',
        line: 30,
        file: cs('case-study-link', 'churn-model.mdx'),
      },
    ],
    completeness: [
      full('churn-model'),
      full('pricing-dashboard', { outcome: false, limits: false }),
    ],
  },
  {
    rule: 'unused-file',
    errors: [],
    warnings: [
      `${cs('unused-file', 'churn-model/index.mdx')}: warning: notes.csv is not used by this case study; remove it or prefix it with _ to keep it as a note`,
    ],
    table: ONE_ROW,
    summary: '0 errors, 1 warning in 1 case study and the profile.',
    findings: [
      {
        rule: 'unused-file',
        severity: 'warning',
        file: cs('unused-file', 'churn-model/index.mdx'),
      },
    ],
    completeness: [full('churn-model')],
  },
  {
    rule: 'private-info',
    errors: [
      `${cs('private-info', 'confidential-study.mdx')}:22: an email address (maria.lopez@acme-telecom.com) in a case study whose dataset is confidential; remove it before publishing`,
      `${cs('private-info', 'confidential-study.mdx')}:23: a phone number (+1 415 555 0134) in a case study whose dataset is confidential; remove it before publishing`,
      `${cs('private-info', 'confidential-study.mdx')}:24: an internal host name (db01.analytics.internal) in a case study whose dataset is confidential; remove it before publishing`,
    ],
    warnings: [],
    table: [
      'case study          baselines  sections  cover  links  outcome  limits  groups',
      'confidential-study  1/1        4/4       no     0      yes      yes     no',
      'open-study          1/1        4/4       no     0      yes      yes     no',
    ],
    summary: '3 errors, 0 warnings in 2 case studies and the profile.',
    findings: [22, 23, 24].map((line) => ({
      rule: 'private-info',
      severity: 'error' as const,
      line,
      file: cs('private-info', 'confidential-study.mdx'),
    })),
    completeness: [full('confidential-study'), full('open-study')],
  },
  {
    rule: 'clean',
    errors: [],
    warnings: [],
    table: ONE_ROW,
    summary: '0 errors, 0 warnings in 1 case study and the profile.',
    findings: [],
    completeness: [full('churn-model')],
  },
];

describe('npm run check on one lint fixture per rule', () => {
  it('has a fixture for every case and nothing else', () => {
    const dirs = fs.readdirSync(path.join(projectRoot, 'tests/fixtures/lints')).sort();
    expect(dirs).toEqual(cases.map((c) => c.rule).sort());
  });

  describe.each(cases)('$rule', (c) => {
    const expectedCode = c.errors.length > 0 ? 1 : 0;

    it(`prints exactly its findings and the completeness table, and exits ${expectedCode}`, () => {
      const run = runFixture(c.rule);
      expect(run.stderr).toBe(c.errors.map((line) => `${line}\n`).join(''));
      expect(run.stdout).toBe(stdoutOf(c.warnings, c.table, c.summary));
      expect(run.code).toBe(expectedCode);
    });

    it('prints the same findings and the completeness rows with --json', () => {
      const json = runJson([], { contentDir: fixtureContent(c.rule) });
      expect(json.run.code).toBe(expectedCode);
      expect(json.run.stderr).toBe('');
      expect(json.errors).toBe(c.errors.length);
      expect(json.warnings).toBe(c.warnings.length);
      expect(
        json.findings.map(({ rule, severity, line, file }) => ({
          rule,
          severity,
          file,
          ...(line === undefined ? {} : { line }),
        })),
      ).toEqual(c.findings);
      // The JSON findings are the text lines, field for field.
      expect(
        json.findings.map((finding) =>
          formatProblem(
            finding.severity === 'warning'
              ? { ...finding, message: `warning: ${finding.message}` }
              : finding,
          ),
        ),
      ).toEqual([...c.errors, ...c.warnings].sort(byFileThenLine));
      expect(json.completeness).toEqual(c.completeness);
    });
  });

  it('does not flag the private strings in a case study whose data is not confidential', () => {
    const json = runJson([], { contentDir: fixtureContent('private-info') });
    expect(json.findings.filter((f) => f.file.endsWith('open-study.mdx'))).toEqual([]);
    // The same strings are there, so it is the access level that keeps them quiet.
    const read = (slug: string) =>
      fs
        .readFileSync(path.join(projectRoot, cs('private-info', `${slug}.mdx`)), 'utf8')
        .split('\n')
        .slice(12);
    expect(read('open-study')).toEqual(read('confidential-study'));
  });

  it('does not flag a file whose name starts with _ in a case-study folder', () => {
    const folder = path.join(projectRoot, cs('unused-file', 'churn-model'));
    expect(fs.existsSync(path.join(folder, '_scratch.csv'))).toBe(true);
    const run = runFixture('unused-file');
    expect(run.stdout).not.toContain('_scratch.csv');
    expect(run.stdout).not.toContain('history.csv');
  });
});

/** Findings sort by file, then line; lines without a line number come first. */
function byFileThenLine(a: string, b: string): number {
  const parse = (line: string) => {
    const match = /^([^:]+?)(?::(\d+))?: /.exec(line);
    return { file: match?.[1] ?? line, line: Number(match?.[2] ?? 0) };
  };
  const pa = parse(a);
  const pb = parse(b);
  return pa.file < pb.file ? -1 : pa.file > pb.file ? 1 : pa.line - pb.line;
}

describe('npm run check on the invalid build fixture', () => {
  const bigCsv = path.join(
    projectRoot,
    'tests/fixtures/invalid/content/case-studies/big-data/big.csv',
  );
  let build: BuildResult;
  let text: CheckRun;
  let json: CheckJson;

  beforeAll(async () => {
    // A data file over the 5 MB limit, made here rather than committed (as in errors.test.ts).
    const row = '1,0.123456789\n';
    fs.writeFileSync(
      bigCsv,
      `step,value\n${row.repeat(Math.ceil((5.2 * 1024 * 1024) / row.length))}`,
    );
    // Fresh: the content includes the data file made above.
    build = await buildSite({ fixture: 'invalid', fresh: true, label: 'check-cli-invalid' });
    text = runCheck([], { contentDir: 'tests/fixtures/invalid/content' });
    json = runJson([], { contentDir: 'tests/fixtures/invalid/content' });
  });

  const buildLines = () =>
    build.stderr.split('\n').filter((line) => line.startsWith('tests/fixtures/'));

  it('reports exactly the errors of the build, lint errors included, in the same order', () => {
    expect(build.code).toBe(1);
    expect(buildLines().length).toBeGreaterThan(40);
    const errors = json.findings.filter((finding) => finding.severity === 'error');
    expect(errors.some((finding) => finding.rule === 'schema')).toBe(true);
    expect(errors.some((finding) => finding.rule === 'sections')).toBe(true);
    expect(errors.map(formatProblem)).toEqual(buildLines());
  });

  it('prints exactly the build lines on stderr', () => {
    expect(text.code).toBe(1);
    expect(linesOf(text.stderr)).toEqual(buildLines());
    expect(json.errors).toBe(buildLines().length);
  });

  it('ends with a summary that counts the errors and warnings', () => {
    const summary = linesOf(text.stdout).at(-1);
    expect(summary).toMatch(
      new RegExp(
        `^${json.errors} errors, ${json.warnings} warnings? in \\d+ case studies and the profile\\.$`,
      ),
    );
  });

  it('finishes in a few seconds', () => {
    expect(text.ms).toBeLessThan(15_000);
  });
});

describe('npm run check on the sample portfolio (tests/fixtures/sample)', () => {
  const sample = 'tests/fixtures/sample/content';

  it('finds no errors, exits 0 and lists every sample case study', () => {
    const run = runCheck([], { contentDir: sample });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.ms).toBeLessThan(15_000);
    const json = runJson([], { contentDir: sample });
    expect(json.run.code).toBe(0);
    expect(json.errors).toBe(0);
    expect(json.completeness.map((row) => row.slug)).toEqual([
      'bike-share-demand-forecast',
      'breast-biopsy-screening',
      'card-fraud-detection',
      'checkout-experiment-analysis',
    ]);
    expect(linesOf(run.stdout).at(-1)).toBe(
      `0 errors, ${json.warnings} ${json.warnings === 1 ? 'warning' : 'warnings'} in 4 case studies and the profile.`,
    );
  });
});

describe('npm run check without a terminal', () => {
  it('runs to the end with stdin closed and CI set, asking nothing', () => {
    const run = runFixture('clean');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/[?]\s*$/m);
    expect(linesOf(run.stdout).at(-1)).toBe(
      '0 errors, 0 warnings in 1 case study and the profile.',
    );
  });

  it('prints only JSON on stdout with --json', () => {
    const run = runFixture('baseline', ['--json']);
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    expect(run.stdout.trimStart().startsWith('{')).toBe(true);
    expect(run.stderr).toBe('');
  });

  it('prints its usage with --help and exits 0', () => {
    const run = runCheck(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run check/);
    expect(run.stdout).toContain('--json');
  });
  it('rejects an unknown flag with one line and no stack trace', () => {
    const run = runCheck(['--jsno']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(linesOf(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain('--jsno');
  });
});

describe('site options from astro.config.mjs', () => {
  const integrationUrl = pathToFileURL(path.join(projectRoot, 'src', 'integration.ts')).href;
  const roots: string[] = [];
  const savedContentDir = process.env['CASEFOLIO_CONTENT_DIR'];

  beforeAll(() => {
    delete process.env['CASEFOLIO_CONTENT_DIR'];
  });
  afterAll(() => {
    if (savedContentDir === undefined) delete process.env['CASEFOLIO_CONTENT_DIR'];
    else process.env['CASEFOLIO_CONTENT_DIR'] = savedContentDir;
  });
  afterEach(() => {
    for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  });

  /** A project folder with the given astro.config.mjs and files. */
  function tempProject(config: string | undefined, files: Record<string, string> = {}): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-check-'));
    roots.push(root);
    if (config !== undefined) fs.writeFileSync(path.join(root, 'astro.config.mjs'), config);
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), content);
    }
    return root;
  }

  const configWith = (options: string) => `import casefolio from ${JSON.stringify(integrationUrl)};

export default {
  base: '/',
  integrations: [casefolio(${options})],
};
`;

  it('reads sections and private host suffixes from the casefolio() options', async () => {
    const root = tempProject(
      configWith("{ sections: ['Problem', 'Results'], privateHostSuffixes: ['.lan'] }"),
    );
    const loaded = await loadSiteOptions(root);
    expect(loaded.warning).toBeUndefined();
    expect(loaded.options.sections).toEqual(['Problem', 'Results']);
    expect(loaded.options.privateHostSuffixes).toEqual(['.lan']);
    expect(loaded.options.cardSummaryLength).toBe(200);
    expect(loaded.contentDir).toBe(path.join(root, 'content'));
  });

  it('reads the content folder from the options, and CASEFOLIO_CONTENT_DIR wins over it', async () => {
    const root = tempProject(configWith("{ contentDir: 'portfolio' }"));
    expect((await loadSiteOptions(root)).contentDir).toBe(path.join(root, 'portfolio'));
    process.env['CASEFOLIO_CONTENT_DIR'] = 'elsewhere';
    try {
      expect((await loadSiteOptions(root)).contentDir).toBe(path.join(root, 'elsewhere'));
    } finally {
      delete process.env['CASEFOLIO_CONTENT_DIR'];
    }
  });

  it('reports options the build would refuse as errors, one line each, naming the config', async () => {
    const root = tempProject(
      configWith(
        "{ sections: 5, analytics: { provider: 'plausible', domain: 'https://ada.github.io/' } }",
      ),
    );
    const loaded = await loadSiteOptions(root);
    expect(loaded.warning).toBeUndefined();
    expect(loaded.optionsErrors).toEqual([
      'astro.config.mjs: casefolio() sections: expected a list, got 5',
      'astro.config.mjs: casefolio() analytics.domain: must be a host name such as ada.github.io, without https:// or a path',
    ]);
  });

  it('names the providers it knows when analytics names another', async () => {
    const root = tempProject(configWith("{ analytics: { provider: 'google', id: 'G-1' } }"));
    expect((await loadSiteOptions(root)).optionsErrors).toEqual([
      'astro.config.mjs: casefolio() analytics.provider: must be plausible, umami, goatcounter or cloudflare; for another service, give script: with its https URL instead',
    ]);
  });

  it('reports each giscus option the build would refuse on its own line', async () => {
    const root = tempProject(
      configWith(
        "{ comments: { giscus: { repo: 'https://github.com/ada/portfolio', repoId: '123', category: 'Comments', categoryId: 'DIC_kwDOLx4sb84CeZ3x', mapping: 'specific' } } }",
      ),
    );
    expect((await loadSiteOptions(root)).optionsErrors).toEqual([
      'astro.config.mjs: casefolio() comments.giscus.repo: must be a GitHub repository as owner/name, such as ada/portfolio',
      'astro.config.mjs: casefolio() comments.giscus.repoId: must be the repository ID giscus.app shows, starting R_ (such as R_kgDO…)',
      "astro.config.mjs: casefolio() comments.giscus.term: must be given with mapping: 'specific'",
    ]);
  });

  it('reads the site’s language, and names the languages it has when locale names another', async () => {
    expect(
      (await loadSiteOptions(tempProject(configWith("{ locale: 'de' }")))).options.locale,
    ).toBe('de');
    expect(
      (await loadSiteOptions(tempProject(configWith("{ locale: 'de-DE' }")))).optionsErrors,
    ).toEqual([
      'astro.config.mjs: casefolio() locale: expected one of "en" | "de" | "es" | "fr" | "pt" | "zh-Hans" | "ar", got "de-DE" (did you mean "de"?)',
    ]);
  });

  it('finds the integration in nested integration lists', async () => {
    const root = tempProject(
      configWith("{ sections: ['Overview'] }").replace(
        /integrations: \[(.*)\]/,
        'integrations: [[{ name: "other", hooks: {} }, [$1]]]',
      ),
    );
    expect((await loadSiteOptions(root)).options.sections).toEqual(['Overview']);
  });

  it('uses the defaults without a config file', async () => {
    const loaded = await loadSiteOptions(tempProject(undefined));
    expect(loaded.warning).toBeUndefined();
    // No sections named: each case study is asked for its language's (Problem, Approach, Results, Impact in English).
    expect(loaded.options.sections).toBeUndefined();
    expect(loaded.options.locale).toBe('en');
    expect(loaded.options.privateHostSuffixes).toEqual(['.internal', '.corp', '.local']);
  });

  it('falls back to the defaults, with a warning, when the config cannot be loaded', async () => {
    const loaded = await loadSiteOptions(
      tempProject("throw new Error('broken config');\nexport default {};\n"),
    );
    expect(loaded.warning).toMatch(/^could not load astro\.config\.mjs \(broken config\)/);
    // The defaults: English, and each case study asked for its language's sections.
    expect(loaded.options.locale).toBe('en');
    expect(loaded.options.sections).toBeUndefined();
  });

  it("checks the photos in the config's publicDir, and --config names the config", () => {
    const integration = JSON.stringify(integrationUrl);
    const root = tempProject(
      `import casefolio from ${integration};\nexport default { publicDir: './static', integrations: [casefolio()] };\n`,
    );
    fs.cpSync(path.join(projectRoot, fixtureContent('clean')), path.join(root, 'content'), {
      recursive: true,
    });
    const gpsPhoto = path.join(projectRoot, 'tests/fixtures/gps/content/avatar.jpg');
    for (const folder of ['static', 'public', 'photos']) {
      fs.mkdirSync(path.join(root, folder));
      fs.copyFileSync(gpsPhoto, path.join(root, folder, 'me.jpg'));
    }
    fs.writeFileSync(
      path.join(root, 'other.config.mjs'),
      `import casefolio from ${integration};\nexport default { publicDir: 'photos', integrations: [casefolio()] };\n`,
    );
    const located = (run: CheckRun) => linesOf(run.stderr).map((line) => line.split(':')[0]);

    const byDefault = runCheck([], { cwd: root });
    expect(located(byDefault)).toEqual(['static/me.jpg']);
    expect(byDefault.code).toBe(1);
    const named = runCheck(['--config', 'other.config.mjs'], { cwd: root });
    expect(located(named)).toEqual(['photos/me.jpg']);

    const missing = runCheck(['--config', 'nope.mjs'], { cwd: root });
    expect(missing.stderr).toBe('--config nope.mjs: file not found\n');
    expect(missing.code).toBe(2);
  });

  it('is honoured by npm run check run in that project', () => {
    const root = tempProject(
      configWith("{ sections: ['Problem', 'Results'], privateHostSuffixes: ['.lan'] }"),
      {
        'content/profile.yaml': 'name: Lint Fixture\nheadline: Data science intern\n',
        'content/case-studies/vpn-usage.mdx': `---
title: VPN usage
summary: A dashboard showed which offices need more VPN capacity.
organization: Acme
role: Analytics Intern
period: { start: 2025-06, end: 2025-08 }
dataset: { name: VPN sessions, access: confidential }
model: { name: Descriptive analytics, task: analytics }
metrics:
  - { name: Capacity alerts, value: 2, baseline: 14, goal: lower }
stakeholders:
  - { role: IT lead, outcome: Fewer outages }
---

## Problem

Sessions were logged on nas01.home.lan and db01.analytics.internal.

## Approach

A weekly dashboard.
`,
      },
    );
    const file = 'content/case-studies/vpn-usage.mdx';
    const run = runCheck([], { cwd: root });
    expect(run.stderr).toBe(
      [
        `${file}:14: missing section "## Results" (every case study has Problem, Results)`,
        `${file}:17: an internal host name (nas01.home.lan) in a case study whose dataset is confidential; remove it before publishing`,
        '',
      ].join('\n'),
    );
    expect(run.stdout).toContain('vpn-usage   1/1        1/2 !');
    expect(run.code).toBe(1);
  });
});
