import { beforeAll, describe, expect, it } from 'vitest';
import type { CheerioAPI } from 'cheerio';
import { buildSite, loadPage, textOf, type BuildResult } from '../helpers/build.ts';

/**
 * What a reader sees of `responsible:` and `dataset.quality`
 * (tests/fixtures/responsible-page): the Responsible ML section after the
 * dataset and model cards, the data quality on the dataset card, the
 * model card's link, and the "evaluated across groups" mark.
 */
describe('a case study with a responsible block', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'responsible-page' });
  });

  const page = () => loadPage(result.outDir, 'case-studies/fraud-review/');
  const section = ($: CheerioAPI) => $('section[aria-labelledby="section-responsible"]');

  it('builds', () => {
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });

  it('shows the Responsible ML section right after the dataset and model cards', () => {
    const $ = page();
    const after = $('article.case-study > .case-study__cards').next();
    expect(after.attr('aria-labelledby')).toBe('section-responsible');
    expect(textOf(after.children('h2'))).toBe('Responsible ML');
    expect(
      section($)
        .find('h3')
        .map((_, h3) => textOf($(h3)))
        .get(),
    ).toEqual([
      'Intended use',
      'Limitations',
      'Risks and mitigations',
      'Performance by issuing region',
    ]);
  });

  it('says what the model is for and not for, and where it fails', () => {
    const $ = page();
    const use = $('section[aria-labelledby="section-responsible-use"]');
    expect(
      use
        .find('p')
        .map((_, p) => textOf($(p)))
        .get(),
    ).toEqual([
      'Rank card transactions for manual review by the fraud team.',
      'Out of scope: Automatic blocking of cards without review.',
    ]);
    expect(
      $('section[aria-labelledby="section-responsible-limitations"] li')
        .map((_, li) => textOf($(li)))
        .get(),
    ).toEqual([
      'Trained on 2024 traffic; new merchant categories are under-represented.',
      'Not tested on business cards.',
    ]);
  });

  it('pairs each risk with its mitigation, and says when there is none', () => {
    const $ = page();
    const risks = $('section[aria-labelledby="section-responsible-risks"] dl > div');
    expect(
      risks.map((_, risk) => [[textOf($(risk).find('dt')), textOf($(risk).find('dd'))]]).get(),
    ).toEqual([
      [
        'Higher false-positive rate for cards issued abroad',
        'Mitigation: Threshold per issuing region, reviewed monthly',
      ],
      ['Reviewers may trust the ranking over their own judgement', 'Mitigation: none stated'],
    ]);
  });

  /** The breakdown by group: fairlearn's by_group CSV (make_fairness_by_group.py). */
  const groups = ($: CheerioAPI) => $('section[aria-labelledby="section-responsible-groups"]');

  it('calls out the largest gap of each metric in words, the worst group by its direction', () => {
    const $ = page();
    expect(
      groups($)
        .find('.fairness__gaps li')
        .map((_, li) => textOf($(li)))
        .get(),
    ).toEqual([
      // Higher is better: the lowest group. online-only has no recall (no fraud in 12 rows).
      'Recall is lowest for abroad: 0.6111, against 0.8636 for domestic (gap 0.2525).',
      // Lower is better: the highest group, against the lowest group large enough to
      // read; online-only's 0 (12 examples) is not the best.
      'False positive rate is highest for abroad: 0.07143, against 0.0283 for domestic (gap 0.04313).',
    ]);
  });

  it('shows the metrics by group as a table, groups as rows, with each direction and count', () => {
    const $ = page();
    const table = groups($).find('table.fairness__table');
    expect(textOf(table.find('caption'))).toBe('Recall and false positive rate by issuing region');
    expect(
      table
        .find('thead th')
        .map((_, th) => textOf($(th)))
        .get(),
    ).toEqual([
      'Issuing region',
      'Recall higher is better',
      'False positive rate lower is better',
      'Examples',
    ]);
    expect(table.find('thead th[scope="col"]')).toHaveLength(4);
    const rows = table
      .find('tbody tr')
      .map((_, tr) => [
        $(tr)
          .children()
          .map((_, cell) => textOf($(cell)))
          .get(),
      ])
      .get();
    expect(rows).toEqual([
      ['abroad', '0.6111', '0.07143', '240'],
      ['domestic', '0.8636', '0.0283', '600'],
      // The empty cell reads "no value" to a screen reader; the dash is hidden from it.
      ['online-only ⚠ too few examples to read (n = 12)', '— no value', '0', '12'],
    ]);
    expect(table.find('tbody th[scope="row"]')).toHaveLength(3);
  });

  it('flags the group under 30 examples in text, not by colour alone', () => {
    const $ = page();
    const small = groups($).find('.fairness__table tbody tr').last();
    expect(small.hasClass('fairness__row--small')).toBe(true);
    const flag = small.find('th .fairness__flag');
    // The warning sign is decoration: the words carry the flag.
    expect(flag.find('[aria-hidden="true"]').text()).toBe('⚠ ');
    expect(flag.text().replace('⚠ ', '')).toBe('too few examples to read (n\u00a0=\u00a012)');
    expect(groups($).find('.fairness__row--small')).toHaveLength(1);
    expect(
      groups($)
        .find('.fairness__notes li')
        .map((_, li) => textOf($(li)))
        .get(),
    ).toEqual([
      'Groups with fewer than 30 examples are flagged: too few to read, and left out of the gaps.',
      '— marks a value the file leaves empty or gives as no number (NaN).',
    ]);
    expect(groups($).find('td .visually-hidden').text()).toBe('no value');
  });

  it('draws the bar chart through the chart figure, described by the table above instead of a second copy', () => {
    const $ = page();
    const figure = groups($).find('figure.chart');
    expect(figure).toHaveLength(1);
    expect(textOf(figure.find('.chart__title'))).toBe(
      'Recall and false positive rate by issuing region',
    );
    const plot = figure.find('.chart__plot[role="img"]');
    expect(plot.attr('aria-label')).toMatch(/^Bar chart: /);
    // The values are the breakdown's own table, which says more (counts, flags).
    expect(figure.find('details.chart__data')).toHaveLength(0);
    const table = $(`#${plot.attr('aria-describedby') ?? 'none'}`);
    expect(textOf(table.find('caption'))).toBe('Recall and false positive rate by issuing region');
    expect(
      figure
        .find('.chart__legend-item')
        .map((_, item) => textOf($(item)))
        .get(),
    ).toEqual(['Recall', 'False positive rate']);
    const config = JSON.parse(figure.find('script[data-chart-config]').text()) as {
      type: string;
      labels: string[];
    };
    expect(config.type).toBe('bar');
    expect(config.labels).toEqual(['abroad', 'domestic', 'online-only']);
  });

  it('marks the at-a-glance block "evaluated across groups", linking the breakdown', () => {
    const $ = page();
    const mark = $('.glance .groups-mark');
    expect(textOf(mark)).toBe('Evaluated across groups (issuing region)');
    expect(mark.attr('href')).toBe('#section-responsible-groups');
    expect(mark.find('svg').attr('aria-hidden')).toBe('true');
  });

  it('says so on the social preview card', () => {
    expect(page()('meta[property="og:image:alt"]').attr('content')).toBe(
      'Case study · Evaluated across groups: Ranking card transactions for fraud review. Northwind Bank. Recall at review budget 0.78 · +0.14 vs baseline.',
    );
  });

  it('marks its card on the home, tag and skill pages, and only its card', () => {
    for (const urlPath of ['', 'tags/fraud/', 'skills/python/']) {
      const $ = loadPage(result.outDir, urlPath);
      const marked = $('.card')
        .filter((_, card) => $(card).find('.groups-mark').length > 0)
        .map((_, card) => textOf($(card).find('.card__title')))
        .get();
      expect(marked, urlPath).toEqual(['Ranking card transactions for fraud review']);
      expect(textOf($('.card .groups-mark')), urlPath).toBe('Evaluated across groups');
    }
  });

  it('links the model card from the section, and not again under Links', () => {
    const $ = page();
    const link = section($).find('a[href="/case-studies/fraud-review/model-card.md"]');
    expect(textOf(link)).toBe('Model card (Markdown)');
    expect($('a[href$="model-card.md"]')).toHaveLength(1);
  });

  it('shows the data quality on the dataset card', () => {
    const $ = page();
    const card = $('section[aria-labelledby="section-dataset"]');
    expect(textOf(card.find('h3'))).toBe('Data quality');
    expect(
      card
        .find('.dataset__quality > div')
        .map((_, fact) => [[textOf($(fact).find('dt')), textOf($(fact).find('dd'))]])
        .get(),
    ).toEqual([
      ['Missing values', '4.2% of merchant_category blank, imputed as "unknown"'],
      ['Duplicates', '1,380 duplicate authorisations dropped'],
      ['Labels', '0.21% fraud; labels mature after 90 days'],
    ]);
    const steps = card.find('ol');
    expect(
      $(`#${steps.attr('aria-labelledby')}`)
        .text()
        .trim(),
    ).toBe('Cleaning steps');
    expect(
      steps
        .find('li')
        .map((_, li) => textOf($(li)))
        .get(),
    ).toEqual(['Removed test cards', 'Capped amounts at the 99.9th percentile']);
  });
});

describe('a case study without a responsible block', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'responsible-page' });
  });

  it('has no Responsible ML section, no data quality and no mark, and links its model card under Links', () => {
    const $ = loadPage(result.outDir, 'case-studies/plain-forecast/');
    expect($('#section-responsible')).toHaveLength(0);
    expect($('.dataset__quality-title')).toHaveLength(0);
    expect($('.groups-mark')).toHaveLength(0);
    expect(
      $('section[aria-labelledby="section-links"] a')
        .map((_, a) => [[textOf($(a)), $(a).attr('href')]])
        .get(),
    ).toEqual([
      ['Code repository', 'https://github.com/rea/footfall'],
      ['Model card (Markdown)', '/case-studies/plain-forecast/model-card.md'],
    ]);
  });
});
