import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/content/check.ts';
import { friendlyIssues } from '../../../src/problems/friendly-issues.ts';
import { parseYaml, splitFrontmatter } from '../../../src/content/frontmatter.ts';
import { scanMdx } from '../../../src/content/mdx/elements.ts';
import { formatProblem } from '../../../src/problems/problem.ts';
import { caseStudyPathSchema } from '../../../src/schemas/case-study.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const templatesDir = path.join(root, 'templates');
const templates = readdirSync(templatesDir)
  .filter((name) => name.endsWith('.mdx'))
  .sort();

/** The template's frontmatter as data, and its body. */
function readTemplate(name: string) {
  const split = splitFrontmatter(readFileSync(path.join(templatesDir, name), 'utf8'));
  if (!split) throw new Error(`${name}: no frontmatter`);
  const parsed = parseYaml(split.frontmatter, 1);
  if (!parsed.ok)
    throw new Error(`${name}: invalid YAML on line ${parsed.line}: ${parsed.message}`);
  return { data: parsed.yaml.data, body: split.body, bodyLine: split.bodyLine };
}

describe('templates', () => {
  it('include the classification, forecasting and analytics starting points', () => {
    expect(templates).toEqual(
      expect.arrayContaining(['classification.mdx', 'forecasting.mdx', 'analytics.mdx']),
    );
  });

  describe.each(templates)('%s', (name) => {
    it('has frontmatter that validates against the case-study schema', () => {
      const { data } = readTemplate(name);
      const result = caseStudyPathSchema.safeParse(data, { reportInput: true });
      const problems = result.success
        ? []
        : friendlyIssues(result.error.issues, caseStudyPathSchema).map(
            ({ field, message }) => `${field}: ${message}`,
          );
      expect(problems).toEqual([]);
    });

    it('only uses <Metric name> values defined in its frontmatter', () => {
      const { data, body, bodyLine } = readTemplate(name);
      const names = caseStudyPathSchema.parse(data).metrics.map((metric) => metric.name);
      const scan = scanMdx(body, bodyLine);
      if (!scan.ok) throw new Error(`${name}:${scan.line}: MDX syntax: ${scan.message}`);
      const used = scan.elements
        .filter((element) => element.name === 'Metric')
        .map((element) => element.props['name']);
      for (const metric of used) {
        expect(names).toContain(metric);
      }
    });
  });
});

describe('the classification template', () => {
  it('states intended use, out of scope, limitations and risks, so the check has no limitations warning to give', () => {
    const data = caseStudyPathSchema.parse(readTemplate('classification.mdx').data);
    expect(data.model?.task).toBe('classification');
    expect(data.responsible?.intendedUse).toBeTruthy();
    expect(data.responsible?.outOfScope).toBeTruthy();
    expect(data.responsible?.limitations?.length).toBeGreaterThan(0);
    expect(data.responsible?.risks?.[0]?.mitigation).toBeTruthy();
    // A fairness file must exist beside the case study, so the example stays a comment.
    expect(data.responsible?.fairness).toBeUndefined();
  });

  it('has commented-out fairness and dataset.quality examples that validate once uncommented', () => {
    const text = readFileSync(path.join(templatesDir, 'classification.mdx'), 'utf8');
    const uncommented = text.replace(
      /^( *)# ((?:fairness|quality):\n(?:\1#   .*\n)+)/gm,
      (_block: string, indent: string, example: string) =>
        indent + example.replaceAll(`${indent}#   `, `${indent}  `),
    );
    const split = splitFrontmatter(uncommented);
    if (!split) throw new Error('no frontmatter');
    const parsed = parseYaml(split.frontmatter, 1);
    if (!parsed.ok) throw new Error(`invalid YAML on line ${parsed.line}: ${parsed.message}`);
    const data = caseStudyPathSchema.parse(parsed.yaml.data);
    expect(data.responsible?.fairness).toEqual({
      attribute: 'customer region',
      from: './fairness_by_group.csv',
      metrics: ['recall', { name: 'false_positive_rate', goal: 'lower' }],
    });
    expect(Object.keys(data.dataset?.quality ?? {})).toEqual([
      'missing',
      'duplicates',
      'labels',
      'cleaning',
    ]);
  });
});

describe('the sample portfolio (its copy in tests/fixtures/sample)', () => {
  it('passes the content check with zero problems', () => {
    const contentDir = path.join(root, 'tests', 'fixtures', 'sample', 'content');
    const report = checkContent({ root, contentDir });
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.caseStudies.length).toBe(4);
  });

  it("breaks the biopsy study's metrics down by nucleus size, from the fairlearn file beside it", () => {
    const contentDir = path.join(root, 'tests', 'fixtures', 'sample', 'content');
    const study = checkContent({ root, contentDir }).caseStudies.find(
      (found) => found.slug === 'breast-biopsy-screening',
    );
    const [[, view] = []] = study?.parsed?.fairness ?? [];
    expect(view?.attribute).toBe('mean nucleus radius');
    // fairlearn writes the bands sorted as text; the frontmatter's groups: puts them in order.
    // 10 of 11 malignant caught and 1 of 48 benign flagged, to the four digits a page shows.
    expect(
      view?.groups.map(({ name, count, small, values }) => [name, count, small, values]),
    ).toEqual([
      ['under 12', 39, false, [1, 0]],
      ['12 to 15', 59, false, [0.9091, 0.02083]],
      ['15 to 18', 20, true, [1, 0]],
      ['18 and over', 25, true, [1, null]],
    ]);
    expect(view?.metrics.map(({ label, goal, gap }) => [label, goal, gap?.worst.group])).toEqual([
      ['Malignant recall', 'higher', '12 to 15'],
      ['False-positive rate', 'lower', '12 to 15'],
    ]);
  });
});
