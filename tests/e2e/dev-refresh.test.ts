import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, text } from '../helpers/build.ts';
import { editFile as edit, startDevServer, type DevServer } from '../helpers/dev-server.ts';

/**
 * `npm run dev` against a real dev server, over plain HTTP: every kind of file
 * a case-study page reads is edited in a copy of a fixture's content, and the
 * page must show the new value without its MDX file being saved.
 */

// Inside the project, so Vite serves and watches it like the real content/.
const content = path.join(projectRoot, '.tmp', 'dev-refresh', 'content');
const study = path.join(content, 'case-studies', 'from-artifacts');
const runMetrics = path.join(
  study,
  'mlruns/873451918523740582/5f2c0e7a9b7d4c1e8f3a2b6d9c0e1f23/metrics',
);
const PAGE = '/case-studies/from-artifacts/';
/** Long enough for a busy machine; each wait ends as soon as the page shows the change. */
const DEADLINE_MS = 30_000;

let server: DevServer;

interface Fetched {
  status: number;
  $: cheerio.CheerioAPI;
}

async function fetchPage(pathname: string): Promise<Fetched> {
  const response = await fetch(`${server.origin}${pathname}`);
  return { status: response.status, $: cheerio.load(await response.text()) };
}

/** Fetches the page until `done` holds, or fails at the deadline saying what the page showed. */
async function pageUntil(
  done: (page: Fetched) => boolean,
  what: string,
  pathname = PAGE,
): Promise<Fetched> {
  const deadline = Date.now() + DEADLINE_MS;
  let last: Fetched | undefined;
  while (Date.now() < deadline) {
    last = await fetchPage(pathname).catch(() => undefined);
    if (last && done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const shown = last ? `${last.status}: ${text(last.$, 'main').slice(0, 1500)}` : 'no answer';
  throw new Error(`${what} did not appear on ${pathname}; it shows ${shown}\n${server.output()}`);
}

/** The value a metric shows in the page's key results, as a reader sees it. */
function resultValue($: cheerio.CheerioAPI, name: string): string {
  const result = $('.results__list > li').filter((_, li) =>
    $(li).find('.result__name').text().includes(name),
  );
  return result.find('.result__value').first().text().replace(/\s+/g, ' ').trim();
}

beforeAll(async () => {
  rmSync(path.dirname(content), { recursive: true, force: true });
  // The profile and its files, and the one case study whose values are all read from files.
  const fixture = path.join(projectRoot, 'tests/fixtures/valid/content');
  cpSync(fixture, content, {
    recursive: true,
    filter: (source) => {
      const inStudies = path.relative(path.join(fixture, 'case-studies'), source);
      return (
        inStudies.startsWith('..') || inStudies === '' || inStudies.startsWith('from-artifacts')
      );
    },
  });
  // A chart from a data file of its own, beside the artifacts.
  writeFileSync(path.join(study, 'history.csv'), 'epoch,loss\n1,0.9\n2,0.5\n');
  edit(
    path.join(study, 'index.mdx'),
    '## Results\n',
    '## Results\n\n<Chart src="./history.csv" x="epoch" y="loss" title="Loss by epoch" />\n',
  );
  server = await startDevServer(content);
  await pageUntil(({ status }) => status === 200, 'the case study');
}, 90_000);

afterAll(() => {
  server?.stop();
  rmSync(path.dirname(content), { recursive: true, force: true });
});

describe('npm run dev refreshes a case-study page from every file it reads', () => {
  it('an artifact file a metric reads (classification_report.json)', async () => {
    const { $ } = await fetchPage(PAGE);
    expect(resultValue($, 'Macro F1')).toBe('0.985');
    const report = path.join(study, 'classification_report.json');
    writeFileSync(
      report,
      readFileSync(report, 'utf8').replace(
        /("macro avg": \{[^}]*"f1-score": )[\d.]+/,
        (_, field: string) => `${field}0.7123`,
      ),
    );
    await pageUntil(({ $ }) => resultValue($, 'Macro F1') === '0.7123', '0.7123');
  });

  it('a file deep inside an MLflow run folder', async () => {
    const { $ } = await fetchPage(PAGE);
    expect(resultValue($, 'Validation AUC')).toBe('0.8412');
    appendFileSync(path.join(runMetrics, 'val_auc'), '1718035523000 0.9377 3\n');
    await pageUntil(({ $ }) => resultValue($, 'Validation AUC') === '0.9377', '0.9377');
  });

  it('a data file a chart reads', async () => {
    writeFileSync(path.join(study, 'history.csv'), 'epoch,loss\n1,0.9\n2,0.4242\n');
    await pageUntil(({ $ }) => text($, 'figure table').includes('0.4242'), '0.4242');
  });

  it('the MDX file', async () => {
    edit(
      path.join(study, 'index.mdx'),
      'title: Tumour classification from the experiment files',
      'title: Tumour classification, retitled',
    );
    await pageUntil(({ $ }) => $('h1').text() === 'Tumour classification, retitled', 'the title');
  });

  it('profile.yaml', async () => {
    edit(path.join(content, 'profile.yaml'), 'name: Ada Fixture', 'name: Ada Renamed');
    await pageUntil(({ $ }) => $('.site-header__home').text() === 'Ada Renamed', 'the name');
  });

  it('publications.bib: added, then edited, on the home page', async () => {
    const bib = path.join(content, 'publications.bib');
    writeFileSync(
      bib,
      '@article{a, author = {Fixture, Ada}, title = {First title}, year = 2025}\n',
    );
    await pageUntil(
      ({ $ }) => text($, '.publication__title') === 'First title',
      'the publication',
      '/',
    );
    edit(bib, 'First title', 'Second title');
    await pageUntil(
      ({ $ }) => text($, '.publication__title') === 'Second title',
      'the new title',
      '/',
    );
    rmSync(bib);
    await pageUntil(({ $ }) => $('.publication__title').length === 0, 'no publications', '/');
  });

  it('a broken artifact: the one-line error without a stack trace, then the fixed value', async () => {
    const report = path.join(study, 'classification_report.json');
    const before = server.output().length;
    edit(report, '"macro avg"', '"macro average"');
    await pageUntil(({ status }) => status === 500, 'the error');
    const line =
      '.tmp/dev-refresh/content/case-studies/from-artifacts/index.mdx:12: metrics[1].key: ./classification_report.json: no "macro avg.f1-score" in the file';
    const deadline = Date.now() + DEADLINE_MS;
    while (!server.output().slice(before).includes(line) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(server.output().slice(before)).toContain(line);
    edit(report, '"macro average"', '"macro avg"');
    await pageUntil(
      ({ status, $ }) => status === 200 && resultValue($, 'Macro F1') === '0.7123',
      'the fixed value',
    );
    expect(server.output()).not.toMatch(/^\s+at /m);
    expect(server.output()).not.toContain('Stack trace');
  });
});
