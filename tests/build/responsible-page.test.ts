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
    ).toEqual(['Intended use', 'Limitations', 'Risks and mitigations']);
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
      risks
        .map((_, risk) => [[textOf($(risk).find('dt')), textOf($(risk).find('dd'))]])
        .get(),
    ).toEqual([
      [
        'Higher false-positive rate for cards issued abroad',
        'Mitigation: Threshold per issuing region, reviewed monthly',
      ],
      ['Reviewers may trust the ranking over their own judgement', 'Mitigation: none stated'],
    ]);
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
    expect($(`#${steps.attr('aria-labelledby')}`).text().trim()).toBe('Cleaning steps');
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
