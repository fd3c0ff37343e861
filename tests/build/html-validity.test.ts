// The Nu HTML Checker (vnu-jar, the W3C validator) over every page of the
// sample site and of every fixture that builds: zero errors. html-validate
// (tests/e2e/checkers.test.ts) checks the site's own rules; vnu is the
// reference parser, and catches what a lint cannot, such as a <script> after </html>.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, projectRoot, runCommand } from '../helpers/build.ts';

const ENABLE = 'apt-get install default-jre-headless';

/** The java command, when one runs: JAVA_HOME's first, then PATH's. */
function findJava(): string | undefined {
  const home = process.env['JAVA_HOME'];
  const candidates = [...(home ? [path.join(home, 'bin', 'java')] : []), 'java'];
  return candidates.find((command) => spawnSync(command, ['-version']).status === 0);
}

const java = findJava();
const inCi = (process.env['CI'] ?? '') !== '' && process.env['CI'] !== 'false';
if (!java && !inCi) {
  console.warn(`Nu HTML Checker tests skipped: Java not found (to run them: ${ENABLE})`);
}

const fixturesDir = path.join(projectRoot, 'tests', 'fixtures');

/** Every fixture with a content/ folder, one or two levels down: `valid`, `lints/clean`. */
function contentFixtures(): string[] {
  const found: string[] = [];
  const visit = (relative: string, depth: number) => {
    const dir = path.join(fixturesDir, relative);
    if (existsSync(path.join(dir, 'content'))) {
      found.push(relative);
      return;
    }
    if (depth === 0) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) visit(path.posix.join(relative, entry.name), depth - 1);
    }
  };
  for (const entry of readdirSync(fixturesDir, { withFileTypes: true })) {
    if (entry.isDirectory()) visit(entry.name, 1);
  }
  return found.sort();
}

/**
 * Fixtures that must build (the sample and those other tests build): their
 * pages are always validated. The rest are validated when they build; fixtures
 * made to fail (invalid content, duplicate slugs, a photo with GPS data) do not.
 */
const MUST_BUILD = [
  'publications',
  'sample',
  'valid',
  'drafts',
  'contract-example',
  'lints/clean',
  'math',
  'notebook',
  'notebook-hostile',
  'responsible-page',
  'fairness-phone',
  'cohort',
  'cohort-skip',
  'languages',
];

/**
 * Fixtures built with casefolio() options of their own, as their tests
 * build them: the languages fixture is a German portfolio (with an Arabic,
 * right-to-left case study) and would fail the English sections lint.
 */
const OPTIONS: Record<string, object> = {
  languages: { locale: 'de' },
};

/**
 * Fixtures whose invalid HTML is the author's, on purpose: `npm run check`
 * rejects it, and the page is not Casefolio's to repair.
 */
const AUTHOR_ERRORS: Record<string, string> = {
  'lints/image-alt': 'an <img> written without alt, the image-alt lint error',
};

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Runs vnu once over all files (it takes seconds to start) and returns its messages. */
async function runVnu(javaCommand: string, files: string[]): Promise<VnuMessage[]> {
  const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
  const { code, stdout, stderr } = await runCommand(javaCommand, [
    '-jar',
    jar,
    '--errors-only',
    '--format',
    'json',
    '--stdout',
    ...files,
  ]);
  try {
    return (JSON.parse(stdout) as { messages: VnuMessage[] }).messages;
  } catch {
    throw new Error(`vnu exited ${code} without a JSON report: ${stderr || stdout}`);
  }
}

interface Site {
  name: string;
  outDir: string;
  pages: string[];
}

describe.skipIf(!java && !inCi)('the Nu HTML Checker', () => {
  const sites: Site[] = [];
  const notBuilt: string[] = [];
  let messages: VnuMessage[] = [];

  beforeAll(async () => {
    expect(java, `CI is set but Java is missing: ${ENABLE}`).toBeDefined();
    for (const fixture of contentFixtures().filter((name) => !(name in AUTHOR_ERRORS))) {
      const options = OPTIONS[fixture];
      const result = await buildSite(
        options
          ? { fixture, env: { CASEFOLIO_TEST_OPTIONS: JSON.stringify(options) } }
          : { fixture },
      );
      if (result.code !== 0) {
        expect(MUST_BUILD, `${fixture} did not build:\n${result.stderr}`).not.toContain(fixture);
        notBuilt.push(fixture);
        continue;
      }
      const pages = listFiles(result.outDir).filter((file) => file.endsWith('.html'));
      sites.push({ name: fixture, outDir: result.outDir, pages });
    }
    console.info(
      [
        `vnu: ${sites.map((site) => `${site.name} (${site.pages.length} pages)`).join(', ')}`,
        `not built: ${notBuilt.join(', ') || 'none'}`,
        ...Object.entries(AUTHOR_ERRORS).map(([name, why]) => `left out: ${name} (${why})`),
      ].join('\n'),
    );
    const files = sites.flatMap((site) => site.pages.map((page) => path.join(site.outDir, page)));
    messages = await runVnu(java ?? 'java', files);
  }, 900_000);

  it('checks the sample and every fixture that must build', () => {
    expect(sites.map((site) => site.name)).toEqual(expect.arrayContaining(MUST_BUILD));
    for (const site of sites) expect(site.pages.length, site.name).toBeGreaterThan(2);
  });

  it('finds no error on any page', () => {
    const errors = messages.map((message) => {
      const file = message.url ? path.relative(projectRoot, new URL(message.url).pathname) : '';
      return `${file}:${message.lastLine ?? ''}: ${message.message} [${message.extract ?? ''}]`;
    });
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
