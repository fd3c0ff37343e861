import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CheerioAPI } from 'cheerio';
import { budgetProblems, weighPage } from '../../bench/size.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  listFiles,
  loadPage,
  text,
  textOf,
  type BuildResult,
} from '../helpers/build.ts';

let result: BuildResult;
beforeAll(async () => {
  result = await buildSite({ fixture: 'valid' });
});

/** The ids of the case-study page's sections, in document order. */
function sectionOrder($: CheerioAPI): string[] {
  return $('article.case-study')
    .children()
    .map((_, element) => {
      const node = $(element);
      if (node.is('header')) return 'header';
      if (node.hasClass('case-study__summary')) return 'summary';
      if (node.hasClass('case-study__body')) return 'body';
      if (node.hasClass('case-study__cards')) return 'dataset+model';
      return node.attr('aria-labelledby') ?? node.prop('tagName');
    })
    .get();
}

describe('the home page', () => {
  it('builds', () => {
    expect(result.code, result.stderr).toBe(0);
  });

  it('reports what it did with counts in the right number', () => {
    // One unused original (a <Figure> image) and five indexed case studies.
    expect(result.stdout).toMatch(/\[casefolio\] removed 1 unused original image\n/);
    expect(result.stdout).toMatch(/\[casefolio\] search index: 5 pages\n/);
  });

  it('shows the profile: name, headline, availability, bio, avatar and links', () => {
    const $ = loadPage(result.outDir, '');
    expect($('h1').text()).toBe('Ada Fixture');
    expect(text($, '.profile__headline')).toBe('Data science intern · MS Statistics');
    expect(text($, '.profile__availability')).toBe('Open to full-time roles from June 2027');
    expect($('.profile__bio em').text()).toBe('careful');
    expect($('.profile__bio a').attr('href')).toBe('https://example.com/notes');
    // Raw HTML in the bio is shown as text, never run.
    expect($('.profile__bio script')).toHaveLength(0);
    expect($('.profile__bio').text()).toContain('<script>window.__bio=1</script>');
    expect($('.profile__avatar').attr('alt')).toBe('Photo of Ada Fixture');
    expect($('.profile__avatar').attr('src')).toMatch(/^\/_astro\/avatar\..*\.webp$/);
    const links = $('.profile__links a')
      .map((_, a) => `${$(a).text()} ${$(a).attr('href')}`)
      .get();
    expect(links).toEqual([
      'ada@example.com mailto:ada@example.com',
      'GitHub https://github.com/ada-fixture',
      'Email me mailto:ada@example.com',
    ]);
  });

  it('lists cards featured first, then by period end (present first), then slug', () => {
    const $ = loadPage(result.outDir, '');
    const titles = $('.card__title')
      .map((_, h) => $(h).text().trim())
      .get();
    expect(titles).toEqual([
      'Predicting subscriber churn 6 weeks ahead',
      'Pricing dashboard for the Données team',
      '<script>window.__xss=1</script> Hostile & <b>bold</b>',
      'Every chart Casefolio draws',
      'Tumour classification from the experiment files',
    ]);
  });

  it('shows on each card the summary, organization, role, period, primary metric and skills', () => {
    const $ = loadPage(result.outDir, '');
    const card = $('.card').first();
    expect(card.find('.card__title a').attr('href')).toBe('/case-studies/full-study/');
    expect(card.find('.card__summary').text()).toContain('ROC AUC from 0.78 to 0.91');
    const meta = textOf(card.find('.card__meta'));
    expect(meta).toContain('Featured');
    expect(meta).toContain('Acme Telecom');
    expect(meta).toContain('Data Science Intern');
    expect(meta).toContain('Jun 2025 – Aug 2025');
    const metric = textOf(card.find('.card__metric'));
    expect(metric).toBe('ROC AUC 0.91 ▲ +0.13 (+16.7%) better vs baseline 0.78');
    expect(
      card
        .find('.chips a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['Python', 'XGBoost', 'SQL', 'Airflow', 'C++', 'C#']);
    const second = $('.card').eq(1);
    expect(second.find('.card__meta').text()).toContain('Jan 2024 – Present');
    expect(textOf(second.find('.card__metric'))).toContain('0.5 h ▼ −5.5 h (−91.7%) better');
  });
});

describe('a case-study page', () => {
  it('has the sections in the contract order', () => {
    const $ = loadPage(result.outDir, 'case-studies/full-study/');
    expect(sectionOrder($)).toEqual([
      'header',
      'summary',
      'section-key-results',
      'dataset+model',
      'section-stakeholders',
      'section-business-impact',
      'body',
      'section-links',
    ]);
    expect(
      $('.case-study__cards > section')
        .map((_, s) => $(s).attr('aria-labelledby'))
        .get(),
    ).toEqual(['section-dataset', 'section-model']);
    expect($('nav.pager a[rel="next"]').attr('href')).toBe('/case-studies/pricing-dashboard/');
  });

  it('uses the summary as meta description and the title in <title>', () => {
    const $ = loadPage(result.outDir, 'case-studies/full-study/');
    expect($('meta[name="description"]').attr('content')).toBe(
      'A gradient-boosted churn model lifted ROC AUC from 0.78 to 0.91 and now drives the weekly retention list.',
    );
    expect($('title').text()).toBe('Predicting subscriber churn 6 weeks ahead · Ada Fixture');
  });

  it('shows the header: title, organization, role, period, team, tags and cover', () => {
    const $ = loadPage(result.outDir, 'case-studies/full-study/');
    const header = text($, '.cs-header');
    for (const expected of [
      'Predicting subscriber churn 6 weeks ahead',
      'Organization Acme Telecom',
      'Role Data Science Intern',
      'Period Jun 2025 – Aug 2025 · 3 months',
      'Team 2 data scientists, 1 engineer',
    ]) {
      expect(header).toContain(expected);
    }
    expect(
      $('.cs-header .chips a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/tags/churn/', '/tags/classification/', '/tags/time-series/']);
    const cover = $('.cs-header__cover');
    expect(cover.attr('alt')).toBe('A bar chart of churn risk by tenure');
    expect(cover.attr('width')).toBeDefined();
    expect(cover.attr('height')).toBeDefined();
  });

  it('shows every metric with unit, baseline, signed delta, arrow, words, relative change, split and description', () => {
    const $ = loadPage(result.outDir, 'case-studies/full-study/');
    const results = $('.result')
      .map((_, li) => textOf($(li)))
      .get();
    expect(results).toEqual([
      'ROC AUC Headline result 0.91 ▲ +0.13 (+16.7%) better vs baseline 0.78 Higher is better · Measured on: test Area under the ROC curve on the held-out quarter.',
      'Recall at top decile 64% ▲ +23 pp (+56.1%) better vs baseline 41% Higher is better',
      'Scoring latency 35 ms ▼ −85 ms (−70.8%) better vs baseline 120 ms Lower is better',
      'Calibration error 0.05 ▲ +0.01 (+25%) worse vs baseline 0.04 Lower is better · Measured on: validation',
    ]);
    expect($('.result--primary')).toHaveLength(1);
    expect($('.result--primary .result__name').text()).toContain('ROC AUC');
    // The verdict is in words, not only colour; the arrow is decoration.
    expect($('.delta [aria-hidden="true"]').first().text()).toBe('▲');
  });

  it('shows the dataset card with separators, source, timespan, license and access badge', () => {
    const $ = loadPage(result.outDir, 'case-studies/full-study/');
    const dataset = text($, 'section[aria-labelledby="section-dataset"]');
    for (const expected of [
      'Subscriber activity events',
      'Confidential data',
      'One row per subscriber-week.',
      'Rows 1,200,000',
      'Features 48',
      'Source Internal data warehouse',
      'Timespan Jan 2023 - Dec 2024',
      'License Proprietary',
    ]) {
      expect(dataset).toContain(expected);
    }
    const other = loadPage(result.outDir, 'case-studies/pricing-dashboard/');
    expect(other('section[aria-labelledby="section-dataset"] a').attr('href')).toBe(
      'https://example.com/prices',
    );
    expect(text(other, 'section[aria-labelledby="section-dataset"]')).toContain('Public data');
  });

  it('shows the model card with hyperparameters', () => {
    const $ = loadPage(result.outDir, 'case-studies/full-study/');
    const model = text($, 'section[aria-labelledby="section-model"]');
    for (const expected of [
      'Model Gradient-boosted trees',
      'Task Classification',
      'Framework XGBoost 2.0',
      'Baseline Rule-based churn score',
    ]) {
      expect(model).toContain(expected);
    }
    const rows = $('section[aria-labelledby="section-model"] tbody tr')
      .map((_, tr) => textOf($(tr)))
      .get();
    expect(rows).toEqual([
      'max_depth 6',
      'learning_rate 0.05',
      'early_stopping true',
      'objective binary:logistic',
    ]);
  });

  it('shows stakeholders (name only when given), impact, body, code and links', () => {
    const $ = loadPage(result.outDir, 'case-studies/full-study/');
    const people = $('.stakeholder')
      .map((_, li) => textOf($(li)))
      .get();
    expect(people).toEqual([
      'Head of Retention · Grace Hopper Marketing · High influence Needed: A ranked list of at-risk customers each Monday Outcome: Adopted the list for weekly campaigns',
      'Data engineer Platform Needed: A model that runs inside the nightly Airflow job',
    ]);
    expect(text($, 'section[aria-labelledby="section-business-impact"] li')).toBe(
      'Retention campaigns now target 3x fewer customers for the same saves',
    );
    const body = $('.case-study__body');
    expect(body.find('h2').first().text()).toBe('Problem');
    expect(body.find('.inline-metric').text()).toBe('0.91');
    expect(body.find('.callout').text()).toContain('Features were cut at the prediction date.');
    const code = body.find('pre.astro-code');
    expect(code).toHaveLength(1);
    expect(code.text()).toContain('import xgboost as xgb');
    // Tokens carry classes whose colours code.css sets per colour scheme, so
    // highlighting follows the theme toggle; nothing is coloured inline.
    expect(code.find('span.code-token-keyword').length).toBeGreaterThan(0);
    expect(code.find('span[style]')).toHaveLength(0);
    expect(code.attr('style')).toBe('overflow-x:auto');
    expect(
      $('section[aria-labelledby="section-links"] a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual([
      'Code repository',
      'Live demo',
      'Notebook',
      'Slides',
      'Report',
      'Paper',
      'Video',
      'Model card (Markdown)',
    ]);
  });

  it('renders every hostile string as text and runs none of it', () => {
    const html = readFileSync(path.join(result.outDir, 'case-studies/hostile/index.html'), 'utf8');
    const $ = loadPage(result.outDir, 'case-studies/hostile/');
    expect($('h1').text()).toBe('<script>window.__xss=1</script> Hostile & <b>bold</b>');
    for (const tag of ['iframe', 'marquee', 'img[onerror]', 'svg', 'b', 'u', 'em', 's', 'k']) {
      expect($(`main ${tag}`), tag).toHaveLength(0);
    }
    expect($('main script')).toHaveLength(0);
    expect($('style:contains("display:none")')).toHaveLength(0);
    expect(html).not.toContain('<script>alert');
    expect($('[onerror], [onload]')).toHaveLength(0);
    // In attributes (the meta description) the text is quoted, not markup.
    expect($('meta[name="description"]').attr('content')).toBe(
      '<img src=x onerror=alert(1)> summary with "quotes" & ampersands',
    );
    expect($('main').text()).toContain('<iframe src=javascript:alert(1)>');
  });

  it('reads frontmatter as `npm run check` does: a bare date and a tagged value stay text', () => {
    // js-yaml's default schema, which Astro's MDX integration reads frontmatter
    // with, made the date a Date (refused by the schema) and threw on the tag.
    const $ = loadPage(result.outDir, 'case-studies/hostile/');
    const analyst = $('.stakeholder').filter((_, li) => $(li).find('h3').text() === 'Analyst');
    expect(text($, '.stakeholder:last-child .stakeholder__meta')).toBe('2024-01-02');
    expect(textOf(analyst)).toContain('Outcome: Kept as written');
  });
});

describe('a case study driven by experiment artifacts', () => {
  const page = () => loadPage(result.outDir, 'case-studies/from-artifacts/');

  it('shows values read from the files, formatted for reading, with where they came from', () => {
    const $ = page();
    const results = $('.result')
      .map((_, li) => textOf($(li)))
      .get();
    expect(results).toEqual([
      // classification_report.json: accuracy 0.986013986013986
      'Accuracy Headline result 0.986 ▲ +0.357 (+56.8%) better vs baseline 0.629 Higher is better · Measured on: test From classification_report.json · accuracy',
      // macro avg f1-score 0.9850104821802935
      'Macro F1 0.985 ▲ +0.485 (+97%) better vs baseline 0.5 Higher is better From classification_report.json · macro avg.f1-score',
      // MLflow val_auc logged 0.801, 0.836, 0.8412: the best is the last
      'Validation AUC 0.8412 Higher is better From 5f2c0e7a9b7d4c1e8f3a2b6d9c0e1f23 · run gentle-owl-42 · commit 3e1f0c2 · val_auc, best value, at step 2',
      // Keras val_loss 0.4876, 0.4512, 0.4398: the best (lowest) is epoch 2
      'Validation loss 0.4398 Lower is better From training.log · val_loss, best value, at epoch 2',
      // trainer_state.json best_metric 0.9112 with decimals: 3
      'Fine-tuned accuracy 0.911 Higher is better From trainer_state.json · best_metric',
    ]);
    expect(text($, '.inline-metric')).toBe('0.986');
    // The home card shows the same value as the page.
    const home = loadPage(result.outDir, '');
    const card = home('.card').filter((_, c) => home(c).text().includes('Tumour classification'));
    expect(textOf(card.find('.card__metric'))).toBe(
      'Accuracy 0.986 ▲ +0.357 (+56.8%) better vs baseline 0.629',
    );
  });

  it('charts artifacts with sensible defaults', () => {
    const $ = page();
    const configs = $('script[data-chart-config]')
      .map(
        (_, script) =>
          JSON.parse($(script).text()) as { series: { label: string }[]; xLabel?: string },
      )
      .get();
    expect(configs.map((config) => [config.xLabel, config.series.map((s) => s.label)])).toEqual([
      // Keras: training next to validation, by epoch.
      ['epoch', ['accuracy', 'val_accuracy', 'loss', 'val_loss']],
      // MLflow: every metric by step, `/` in keys kept.
      ['step', ['train_loss', 'val/loss', 'val_auc']],
      // trainer_state.json: training loss and evaluation metrics, no bookkeeping.
      ['step', ['loss', 'eval_accuracy', 'eval_loss']],
      // ROC: TPR against FPR with the chance diagonal.
      ['False positive rate', ['tpr', 'Chance']],
    ]);
    // The labelled pandas CSV gives the confusion matrix its class names.
    expect(
      $('.confusion__table thead th')
        .map((_, th) => $(th).text())
        .get(),
    ).toEqual(['True \\ Predicted', 'malignant', 'benign']);
  });
});

describe('tag, skill and other pages', () => {
  it('builds a page per slugified tag and skill, unicode included', () => {
    const files = listFiles(result.outDir);
    for (const page of [
      'tags/time-series/index.html',
      'tags/donnees/index.html',
      'tags/時系列/index.html',
      'skills/c-plus-plus/index.html',
      'skills/c-sharp/index.html',
      'skills/xgboost/index.html',
    ]) {
      expect(files).toContain(page);
    }
    // "time series" and "Time Series" share one page.
    const $ = loadPage(result.outDir, 'tags/time-series/');
    expect(
      $('.card__title')
        .map((_, h) => $(h).text().trim())
        .get(),
    ).toEqual([
      'Predicting subscriber churn 6 weeks ahead',
      'Pricing dashboard for the Données team',
    ]);
    expect($('h1').text()).toBe('Topic: time series');
  });

  it('has a 404 page that links home', () => {
    const $ = loadPage(result.outDir, '404.html');
    expect($('h1').text()).toBe('Page not found');
    expect($('main a[href="/"]')).toHaveLength(1);
  });

  it('ignores _-prefixed files and folders', () => {
    const files = listFiles(result.outDir);
    expect(files.some((file) => /_notes|_archive|archive/.test(file))).toBe(false);
  });

  it('loads the chart module only on pages with charts, within 60 KB gzip', () => {
    const scripts = (page: string) => {
      const $ = loadPage(result.outDir, page);
      return $('script[src], script[type="module"]')
        .map((_, element) => $(element).attr('src') ?? $(element).text())
        .get();
    };
    const chartPage = scripts('case-studies/charts-demo/');
    const bundles = chartPage.filter((src) => src.startsWith('/_astro/'));
    expect(bundles).toHaveLength(1);
    const total = chartPage.reduce((sum, src) => {
      const code = src.startsWith('/_astro/')
        ? readFileSync(path.join(result.outDir, src), 'utf8')
        : src;
      return sum + gzipSync(code).length;
    }, 0);
    expect(total).toBeLessThanOrEqual(60 * 1024);
    for (const page of ['', 'case-studies/full-study/', 'tags/churn/']) {
      expect(
        scripts(page).some((src) => src.startsWith('/_astro/')),
        page,
      ).toBe(false);
    }
  });

  it('passes the size report budgets: a chart page loads only the loader, and Chart.js on touch', () => {
    const pages = [
      'index.html',
      'case-studies/charts-demo/index.html',
      'tags/churn/index.html',
    ].map((file) => weighPage(result.outDir, path.join(result.outDir, file)));
    expect(pages.map((page) => [page.page, page.hasCharts])).toEqual([
      ['/', false],
      ['/case-studies/charts-demo/', true],
      ['/tags/churn/', false],
    ]);
    // The loader and theme toggle on load; Chart.js (over 50 KiB) only when a chart is touched.
    expect(pages[1]?.js).toBeLessThan(10 * 1024);
    expect(pages[1]?.interactionJs).toBeGreaterThan(50 * 1024);
    expect(pages[0]?.interactionJs).toBe(0);
    expect(budgetProblems(pages)).toEqual([]);
    // And the report flags a page over budget.
    expect(
      budgetProblems([
        { page: '/x/', html: 1, css: 1, js: 11 * 1024, interactionJs: 61 * 1024, hasCharts: true },
      ]),
    ).toEqual([
      '/x/: 11.0 KiB of JavaScript on load, over the 10.0 KiB budget',
      '/x/: 61.0 KiB of JavaScript on interaction, over the 60.0 KiB budget',
    ]);
  });

  it('publishes images without camera metadata', async () => {
    const images = listFiles(result.outDir).filter((file) => /\.(jpe?g|png|webp|avif)$/.test(file));
    // The avatar is a JPEG with EXIF (camera make, model, software) in the fixture.
    expect(images.some((file) => file.startsWith('_astro/avatar.'))).toBe(true);
    for (const file of images) {
      const bytes = readFileSync(path.join(result.outDir, file));
      expect(bytes.includes('exif-canary-5531'), file).toBe(false);
      expect(bytes.includes('CasefolioCam'), file).toBe(false);
    }
  });

  it('sends a Content-Security-Policy that allows no inline script but its own hashed ones', () => {
    for (const page of ['', 'case-studies/charts-demo/', 'tags/churn/']) {
      const $ = loadPage(result.outDir, page);
      const policy = $('meta[http-equiv="content-security-policy"]').attr('content') ?? '';
      const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
      expect(scriptSrc, page).toContain("'self'");
      expect(scriptSrc, page).toMatch(/'sha256-/);
      expect(scriptSrc, page).not.toContain('unsafe-inline');
      // The policy comes before any script that runs, so it governs all of them.
      const html = $.html();
      const firstScript = html.search(/<script(?![^>]*type="application\/(?:ld\+)?json")[^>]*>/);
      expect(html.indexOf('content-security-policy')).toBeLessThan(firstScript);
    }
  });

  it('ships no JavaScript beyond the theme toggle (<= 10 KB gzip per page)', () => {
    for (const page of ['', 'case-studies/full-study/', 'tags/churn/']) {
      const $ = loadPage(result.outDir, page);
      let bytes = 0;
      $('script').each((_, element) => {
        const src = $(element).attr('src');
        const code = src ? readFileSync(path.join(result.outDir, src), 'utf8') : $(element).text();
        bytes += gzipSync(code).length;
      });
      expect(bytes, page).toBeGreaterThan(0);
      expect(bytes, page).toBeLessThanOrEqual(10 * 1024);
      expect($('[data-theme-toggle]').attr('aria-label')).toContain('theme');
    }
  });
});
