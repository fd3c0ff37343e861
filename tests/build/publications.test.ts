// Publications (issue 22, item 1): content/publications.bib and profile.yaml's
// `publications:` on the home page, the résumé (page and JSON Resume) and the
// case study that cites its paper, with ScholarlyArticle JSON-LD; a broken
// file is one line per problem and stops the build.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, loadPage, textOf, type BuildResult } from '../helpers/build.ts';
import { jsonResumeErrors } from '../helpers/json-resume.ts';
import { runTogetherOnEveryPage } from '../helpers/run-together.ts';

let site: BuildResult;
let broken: BuildResult;

beforeAll(async () => {
  site = await buildSite({ fixture: 'publications' });
  broken = await buildSite({ fixture: 'publications-broken' });
}, 600_000);

/** Each JSON-LD block of a page, arrays spread. */
function jsonLd(page: string): Record<string, unknown>[] {
  const $ = loadPage(site.outDir, page);
  return $('script[type="application/ld+json"]')
    .toArray()
    .flatMap((script) => [JSON.parse($(script).text()) as unknown].flat()) as Record<
    string,
    unknown
  >[];
}

describe('publications on the home page', () => {
  it('lists every publication, newest year first and papers before talks', () => {
    expect(site.code, site.stderr).toBe(0);
    const $ = loadPage(site.outDir, '');
    const section = $('section[aria-labelledby="publications"]');
    expect(textOf(section.find('h2'))).toBe('Publications');
    expect(
      section
        .find('.publication__title')
        .toArray()
        .map((title) => $(title).text()),
    ).toEqual([
      'Calibrated gradient boosting for imbalanced data',
      'Predicting Churn with Calibrated Gradient Boosting',
      'Conformal intervals for demand forecasts',
      'Fairness audits of credit models: α<1 in practice',
      'What churn models miss: R&D notes on {braces} and 100% recall',
    ]);
    expect(
      section
        .find('.publication__type')
        .toArray()
        .map((type) => $(type).text()),
    ).toEqual(['Thesis', 'Paper', 'Poster', 'Preprint', 'Talk']);
  });

  it('shows the owner’s name in bold in every author list, however the file writes it', () => {
    const $ = loadPage(site.outDir, '');
    const authors = $('.publication__authors').toArray();
    expect(authors.map((list) => $(list).find('strong').text())).toEqual([
      'Ada Lovelace',
      'Ada Lovelace',
      'Ada Lovelace',
      'A. Lovelace',
      'Ada Lovelace',
    ]);
    expect($(authors[1]).text()).toBe('Ada Lovelace, Jan van der Berg, Hans Müller');
    expect($(authors[1]).find('strong')).toHaveLength(1);
  });

  it('links the DOI, arXiv, code, slides and PDF, and the case study that cites a paper', () => {
    const $ = loadPage(site.outDir, '');
    const hrefs = $('.publication__links a')
      .toArray()
      .map((link) => $(link).attr('href'));
    expect(hrefs).toEqual([
      'https://example.com/thesis.pdf',
      'https://doi.org/10.1145/3711896.3736001',
      'https://github.com/ada/churn',
      'https://example.com/poster',
      'https://arxiv.org/abs/2406.01234',
      'https://example.com/slides.pdf',
    ]);
    // Each link says which publication it is for to a screen reader.
    expect(textOf($('.publication__links a').eq(1))).toBe(
      'DOI: Predicting Churn with Calibrated Gradient Boosting',
    );
    const studies = $('.publication__studies a');
    expect(studies.toArray().map((link) => $(link).attr('href'))).toEqual(['/case-studies/churn/']);
  });

  it('offers each entry’s BibTeX in a <details>, as written in the file, with no script', () => {
    const $ = loadPage(site.outDir, '');
    const entries = $('.publication__bibtex code')
      .toArray()
      .map((code) => $(code).text());
    expect(entries).toHaveLength(5);
    // Written from what was read: the citation's fields, the file's comments and @string resolved.
    expect(entries[1]).toBe(
      [
        '@inproceedings{lovelace2025churn,',
        '  author = {Ada Lovelace and Jan van der Berg and Hans Müller},',
        '  title = {{Predicting Churn with Calibrated Gradient Boosting}},',
        '  booktitle = {Proceedings of the 31st ACM SIGKDD Conference on Knowledge Discovery and Data Mining},',
        '  year = {2025},',
        '  doi = {10.1145/3711896.3736001},',
        '  code = {https://github.com/ada/churn},',
        '}',
      ].join('\n'),
    );
    // profile.yaml's entries are written as BibTeX, special characters escaped.
    expect(entries[4]).toContain(
      'title = {{What churn models miss: R\\&D notes on \\{braces\\} and 100\\% recall}}',
    );
    expect($('section[aria-labelledby="publications"] script')).toHaveLength(0);
    expect($('.publication__bibtex').first().is('details')).toBe(true);
  });

  it('describes each publication as ScholarlyArticle JSON-LD, the owner as the page’s Person', () => {
    const blocks = jsonLd('');
    const person = blocks.find((block) => block['@type'] === 'ProfilePage')?.['mainEntity'] as
      { '@id': string } | undefined;
    const articles = blocks.filter((block) => block['@type'] !== 'ProfilePage');
    expect(articles.map((block) => block['@type'])).toEqual([
      'Thesis',
      'ScholarlyArticle',
      'ScholarlyArticle',
      'ScholarlyArticle',
      'PresentationDigitalDocument',
    ]);
    const paper = articles[1];
    expect(paper).toMatchObject({
      '@context': 'https://schema.org',
      name: 'Predicting Churn with Calibrated Gradient Boosting',
      datePublished: '2025',
      identifier: [
        { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1145/3711896.3736001' },
      ],
    });
    expect(paper?.['author']).toEqual([
      { '@type': 'Person', '@id': person?.['@id'], name: 'Ada Lovelace' },
      { '@type': 'Person', name: 'Jan van der Berg' },
      { '@type': 'Person', name: 'Hans Müller' },
    ]);
  });
});

describe('publications elsewhere', () => {
  it('cites its paper on the case study, in the page and its Article JSON-LD', () => {
    const $ = loadPage(site.outDir, 'case-studies/churn/');
    const cited = $('.cited-paper');
    expect(textOf(cited)).toBe(
      'Paper: Predicting Churn with Calibrated Gradient Boosting (Proceedings of the 31st ACM SIGKDD Conference on Knowledge Discovery and Data Mining, 2025) · DOI · Code',
    );
    const article = jsonLd('case-studies/churn/').find((block) => block['@type'] === 'Article');
    expect(article?.['citation']).toEqual({
      '@type': 'ScholarlyArticle',
      name: 'Predicting Churn with Calibrated Gradient Boosting',
      url: 'https://doi.org/10.1145/3711896.3736001',
      datePublished: '2025',
    });
    expect(loadPage(site.outDir, 'case-studies/pricing/')('.cited-paper')).toHaveLength(0);
  });

  it('lists publications on the résumé, without the BibTeX', () => {
    const $ = loadPage(site.outDir, 'resume/');
    const section = $('section[aria-labelledby="resume-publications"]');
    expect(textOf(section.find('h2'))).toBe('Publications');
    expect(section.find('.publication__title')).toHaveLength(5);
    expect(section.find('details')).toHaveLength(0);
  });

  it('adds them to the JSON Resume, which still validates', () => {
    const resume = JSON.parse(readFileSync(path.join(site.outDir, 'resume.json'), 'utf8')) as {
      publications: unknown[];
    };
    expect(jsonResumeErrors(resume)).toEqual([]);
    expect(resume.publications[1]).toEqual({
      name: 'Predicting Churn with Calibrated Gradient Boosting',
      publisher:
        'Proceedings of the 31st ACM SIGKDD Conference on Knowledge Discovery and Data Mining',
      releaseDate: '2025',
      url: 'https://doi.org/10.1145/3711896.3736001',
      summary: 'Paper by Ada Lovelace, Jan van der Berg, Hans Müller',
    });
  });
});

describe('the text a reader sees', () => {
  it('has a space wherever a sentence or a label meets a link or a title, on every page', () => {
    const found = runTogetherOnEveryPage(site.outDir);
    expect(found, found.join('\n')).toEqual([]);
  });
});

describe('broken publications', () => {
  it('stops the build with one line per problem, each at its file and line', () => {
    expect(broken.code).toBe(1);
    const output = `${broken.stdout}\n${broken.stderr}`;
    const at = 'tests/fixtures/publications-broken/content';
    for (const line of [
      `${at}/case-studies/churn.mdx:16: paper: "lovelace2025chrun" is not the key of any publication (did you mean "lovelace2025churn"?)`,
      `${at}/profile.yaml:15: publications[1].key: "lovelace2025churn" is already the key of ${at}/publications.bib:4; give each publication its own key`,
      `${at}/publications.bib:18: berg2024fairness.url: only https and http links are allowed, got "javascript:alert(1)"`,
      `${at}/publications.bib:30: @article{unclosed}: is not valid BibTeX (unterminated brace-value); check that every { has its }, every " its closing ", and the fields are separated by commas`,
      `${at}/publications.bib:35: noyear.year: missing; add year = {2025} (or date = {2025-06-12})`,
    ]) {
      expect(output).toContain(line);
    }
    expect(output).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
  });
});
