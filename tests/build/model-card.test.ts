import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  listFiles,
  loadPage,
  textOf as htmlText,
  type BuildResult,
} from '../helpers/build.ts';
import {
  headings,
  modelIndexErrors,
  readModelCard,
  section,
  tables,
  textOf,
} from '../helpers/model-card.ts';

const SITE = 'https://ada.example.com';
const BASE = '/portfolio/';
/** The valid fixture's published case studies (files starting with `_` are not loaded). */
const PUBLISHED = ['charts-demo', 'from-artifacts', 'full-study', 'hostile', 'pricing-dashboard'];

interface ModelIndex {
  name: string;
  results: {
    task: { type: string; name: string };
    dataset: { name: string; type: string; split?: string };
    metrics: { type: string; name: string; value: number }[];
    source?: { name: string; url: string };
  }[];
}

/**
 * `/case-studies/<slug>/model-card.md` in a build with the site's address
 * and a base path: Hugging Face's front matter and sections, from the
 * same values the page shows.
 */
let result: BuildResult;
beforeAll(async () => {
  result = await buildSite({ fixture: 'valid', env: { SITE_URL: SITE, BASE_PATH: BASE } });
});

function card(slug: string): string {
  return readFileSync(path.join(result.outDir, 'case-studies', slug, 'model-card.md'), 'utf8');
}

/** What a page's Key results show: each metric's name and value. */
function pageResults(slug: string): [string, string][] {
  const $ = loadPage(result.outDir, `case-studies/${slug}/`);
  return $('.result')
    .map((_, item) => {
      const name = $(item).find('.result__name').contents().first().text().trim();
      return [[name, htmlText($(item).find('.result__value'))]] as [string, string][];
    })
    .get();
}

describe('the model card of each case study', () => {
  it('builds', () => {
    expect(result.code, result.stderr).toBe(0);
  });

  it('is published beside every case study page, and nowhere else', () => {
    const cards = listFiles(result.outDir).filter((file) => file.endsWith('model-card.md'));
    expect(cards).toEqual(PUBLISHED.map((slug) => `case-studies/${slug}/model-card.md`));
  });

  it('parses as front matter with a valid model-index, and Markdown with every section', () => {
    for (const slug of PUBLISHED) {
      const { metadata, markdown } = readModelCard(card(slug));
      expect(modelIndexErrors(metadata['model-index']), slug).toEqual([]);
      expect(
        headings(markdown).filter((line) => line.startsWith('## ')),
        slug,
      ).toEqual([
        '## Model details',
        '## Intended uses and limitations',
        '## Training and evaluation data',
        '## Evaluation results',
        '## Bias, risks and limitations',
      ]);
    }
  });

  it('holds the values the page shows, read from the artifact files once by the check', () => {
    const { metadata, markdown } = readModelCard(card('from-artifacts'));
    const [model] = metadata['model-index'] as ModelIndex[];
    expect(model?.name).toBe('Logistic regression');
    const shown = pageResults('from-artifacts');
    expect(shown.map(([name]) => name)).toEqual([
      'Accuracy',
      'Macro F1',
      'Validation AUC',
      'Validation loss',
      'Fine-tuned accuracy',
    ]);
    // Every metric in the model-index, with the number the page writes.
    const indexed = new Map(
      model?.results.flatMap((result) =>
        result.metrics.map((metric) => [metric.name, metric.value]),
      ),
    );
    for (const [name, value] of shown) expect(String(indexed.get(name)), name).toBe(value);
    // Accuracy is read from classification_report.json; the split puts it in a result of its own.
    expect(model?.results[0]).toEqual({
      task: { type: 'tabular-classification', name: 'Classification' },
      dataset: { name: 'Breast cancer Wisconsin', type: 'breast-cancer-wisconsin', split: 'test' },
      metrics: [{ type: 'accuracy', name: 'Accuracy', value: Number(shown[0]?.[1]) }],
      source: {
        name: 'Tumour classification from the experiment files',
        url: `${SITE}${BASE}case-studies/from-artifacts/`,
      },
    });
    // The Markdown table shows the same values, and where each was read from.
    const [table] = tables(section(markdown, 'Evaluation results'));
    expect(table?.slice(1).map((row) => [row[0], row[1]])).toEqual(shown);
    expect(table?.[1]?.[6]).toBe('classification_report.json (accuracy)');
  });

  it('links back to the page at its absolute address under the base path', () => {
    const text = card('full-study');
    const page = `${SITE}${BASE}case-studies/full-study/`;
    expect(text).toContain(`](${page})`);
    expect(existsSync(path.join(result.outDir, 'case-studies', 'full-study', 'index.html'))).toBe(
      true,
    );
  });

  it('keeps hostile frontmatter text as text', () => {
    const { markdown } = readModelCard(card('hostile'));
    const kinds = new Set<string>();
    const walk = (node: { type: string; children?: unknown[] }) => {
      kinds.add(node.type);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(markdown);
    expect(kinds).not.toContain('html');
    expect(textOf(markdown)).toContain('<script>');
  });

  it('is listed in the search index with its page, not as a result of its own', () => {
    const dir = path.join(result.outDir, 'pagefind', 'fragment');
    const fragments = listFiles(dir).map((file) => {
      const raw = gunzipSync(readFileSync(path.join(dir, file))).toString('utf8');
      return JSON.parse(raw.slice(raw.indexOf('{'))) as {
        url: string;
        meta: Record<string, string>;
      };
    });
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(
      PUBLISHED.map((slug) => `/case-studies/${slug}/`),
    );
    for (const fragment of fragments) {
      expect(fragment.meta['modelCard']).toBe(`${fragment.url}model-card.md`);
    }
  });

  it('is not in the sitemap, which lists pages', () => {
    const $ = cheerio.load(readFileSync(path.join(result.outDir, 'sitemap-0.xml'), 'utf8'), {
      xml: true,
    });
    const urls = $('url > loc')
      .map((_, loc) => $(loc).text())
      .get();
    expect(urls).toContain(`${SITE}${BASE}case-studies/from-artifacts/`);
    expect(urls.filter((url) => url.endsWith('.md'))).toEqual([]);
  });
});

describe('the model card of a case study with a fairness breakdown', () => {
  let fairness: BuildResult;
  beforeAll(async () => {
    fairness = await buildSite({ fixture: 'fairness' });
  });

  function fairnessCard(slug: string) {
    return readModelCard(
      readFileSync(path.join(fairness.outDir, 'case-studies', slug, 'model-card.md'), 'utf8'),
    );
  }

  /** The page's table of metrics by group, as a reader reads each cell. */
  function pageTable(slug: string): string[][] {
    const $ = loadPage(fairness.outDir, `case-studies/${slug}/`);
    return $('.fairness__table tr')
      .map((_, row) => [
        $(row)
          .children('th, td')
          .map((__, cell) => htmlText($(cell)))
          .get(),
      ])
      .get() as string[][];
  }

  it('builds', () => {
    expect(fairness.code, fairness.stderr).toBe(0);
  });

  it('tables the metrics by group with the counts, the small group flagged and the gaps', () => {
    const { markdown } = fairnessCard('card-fraud');
    const results = section(markdown, 'Evaluation results');
    expect(headings(results)).toEqual(['### Recall and false positive rate by issuing region']);
    const [, byGroup] = tables(results);
    expect(byGroup).toEqual([
      [
        'Issuing region',
        'Recall (higher is better)',
        'False positive rate (lower is better)',
        'Examples',
      ],
      // selection_rate is in the file, not in `metrics:`, so not shown.
      ['domestic', '0.81', '0.012', '2,140'],
      ['abroad', '0.66', '0.047', '412'],
      ['online-only', '0.74', '0.021', '198'],
      ['unknown: too few examples to read (n\u00a0=\u00a012)', '0.5', '0.1', '12'],
    ]);
    const text = textOf(results);
    expect(text).toContain(
      'Recall is lowest for abroad: 0.66, against 0.81 for domestic (gap 0.15).',
    );
    expect(text).toContain(
      'False positive rate is highest for abroad: 0.047, against 0.012 for domestic (gap 0.035).',
    );
    expect(text).toContain(
      'Groups with fewer than 30 examples are flagged: too few to read, and left out of the gaps.',
    );
  });

  it('shows the numbers the page shows, group by group', () => {
    for (const slug of ['card-fraud', 'loan-default']) {
      const [, byGroup] = tables(section(fairnessCard(slug).markdown, 'Evaluation results'));
      // Each group's values and count, as the page's row has them.
      const numbers = (rows: string[][]) => rows.slice(1).map((row) => row.slice(1));
      // An empty cell is a dash on both, with words for screen readers on the page.
      const page = numbers(pageTable(slug)).map((row) =>
        row.map((cell) => (/^— (no value|not given)$/.test(cell) ? '—' : cell)),
      );
      expect(page.length, slug).toBeGreaterThan(1);
      expect(numbers(byGroup ?? []), slug).toEqual(page);
    }
  });

  it('keeps the groups the frontmatter names, in its order, from a JSON file', () => {
    const { markdown, metadata } = fairnessCard('loan-default');
    expect(modelIndexErrors(metadata['model-index'])).toEqual([]);
    const [, byGroup] = tables(section(markdown, 'Evaluation results'));
    expect(byGroup?.map((row) => row[0])).toEqual(['Age band', '55+', '25-54']);
    expect(textOf(section(markdown, 'Intended uses and limitations'))).toContain(
      'Applicants under 25 are few in the training data.',
    );
  });
});
