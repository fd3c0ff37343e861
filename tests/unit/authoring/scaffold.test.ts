import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { friendlyIssues } from '../../../src/problems/friendly-issues.ts';
import { parseYaml, splitFrontmatter } from '../../../src/content/frontmatter.ts';
import { fillTemplate, slugForTitle } from '../../../src/authoring/scaffold.ts';
import { isValidSlug } from '../../../src/content/slugs.ts';
import { caseStudyPathSchema } from '../../../src/schemas/case-study.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const templatesDir = path.join(root, 'templates');
const templates = readdirSync(templatesDir)
  .filter((name) => name.endsWith('.mdx'))
  .sort();

function readTemplate(name: string): string {
  return readFileSync(path.join(templatesDir, name), 'utf8');
}

/** The frontmatter of a filled-in file as data, and its schema problems. */
function check(text: string) {
  const split = splitFrontmatter(text);
  if (!split) throw new Error('no frontmatter');
  const parsed = parseYaml(split.frontmatter, 1);
  if (!parsed.ok) throw new Error(`invalid YAML on line ${parsed.line}: ${parsed.message}`);
  const data = parsed.yaml.data as Record<string, unknown>;
  const result = caseStudyPathSchema.safeParse(data, { reportInput: true });
  const problems = result.success
    ? []
    : friendlyIssues(result.error.issues, caseStudyPathSchema).map(
        ({ field, message }) => `${field}: ${message}`,
      );
  return { data, problems, body: split.body };
}

function fill(template: string, answers: Parameters<typeof fillTemplate>[1]): string {
  const result = fillTemplate(template, answers);
  if (!result.ok) throw new Error(result.message);
  return result.text;
}

describe('slugForTitle', () => {
  it.each([
    ['Prédiction de la demande', 'prediction-de-la-demande'],
    ['Données über Straße', 'donnees-ueber-strasse'],
    ['Churn model', 'churn-model'],
    ['XGBoost churn model', 'xgboost-churn-model'],
    ['Search & ranking', 'search-and-ranking'],
  ])('transliterates %j -> %j', (title, slug) => {
    expect(slugForTitle(title)).toBe(slug);
  });

  it.each([
    ['Prédiction 🚲 de la demande!', 'prediction-de-la-demande'],
    ['🚀 Launch: the “new” funnel (v2)?', 'launch-the-new-funnel-v2'],
    ['I ♥ 🦄 data', 'i-data'],
    ['👩‍💻 Pairing 🇫🇷 flags 1️⃣ keycaps 👍🏽', 'pairing-flags-keycaps'],
    ['Churn -- model...', 'churn-model'],
    ["Ada's model, 2025/26", 'adas-model-2025-26'],
  ])('drops emoji and punctuation: %j -> %j', (title, slug) => {
    expect(slugForTitle(title)).toBe(slug);
  });

  it('caps long titles at 60 characters on a word boundary', () => {
    const title =
      'Forecasting the weekly demand for shared bicycles in twelve European cities with gradient boosting';
    const slug = slugForTitle(title);
    expect(slug).toBe('forecasting-the-weekly-demand-for-shared-bicycles-in-twelve');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(isValidSlug(slug)).toBe(true);
  });

  it('cuts a single word longer than 60 characters', () => {
    const slug = slugForTitle('x'.repeat(80));
    expect(slug).toBe('x'.repeat(60));
  });

  it('keeps a title of exactly 60 characters whole', () => {
    const title = `${'a'.repeat(29)} ${'b'.repeat(30)}`;
    expect(slugForTitle(title)).toBe(`${'a'.repeat(29)}-${'b'.repeat(30)}`);
  });

  it.each(['', '   ', '🚲🚲', '!!! ???', '時系列'])('falls back to case-study for %j', (title) => {
    expect(slugForTitle(title)).toBe('case-study');
  });

  it('always returns a valid slug', () => {
    for (const title of [
      '-Leading hyphen-',
      'ÆØÅ',
      'A/B test #3',
      '100% uplift',
      '  spaced  out  ',
    ]) {
      expect(isValidSlug(slugForTitle(title))).toBe(true);
    }
  });
});

describe('fillTemplate', () => {
  it('finds the three real templates', () => {
    expect(templates).toEqual(
      expect.arrayContaining(['classification.mdx', 'forecasting.mdx', 'analytics.mdx']),
    );
  });

  describe.each(templates)('%s', (name) => {
    const template = readTemplate(name);
    const answers = {
      title: 'Prédiction: 🚲 de la "demande"',
      organization: '#1 bike-share operator',
      role: 'Machine Learning Intern',
      start: '2026-07',
    };

    it('keeps every comment line, in order', () => {
      const templateLines = template.split('\n');
      const comments = templateLines.filter((line) => line.trimStart().startsWith('#'));
      expect(comments.length).toBeGreaterThan(10);
      const outputLines = fill(template, answers).split('\n');
      const kept = outputLines.filter((line) => comments.includes(line));
      expect(kept).toEqual(comments);
    });

    it('sets title, organization, role and start, removes end and forces draft', () => {
      const { data, problems } = check(fill(template, answers));
      expect(problems).toEqual([]);
      expect(data['title']).toBe(answers.title);
      expect(data['organization']).toBe(answers.organization);
      expect(data['role']).toBe(answers.role);
      expect(data['period']).toEqual({ start: '2026-07' });
      expect(data['draft']).toBe(true);
    });

    it('forces draft even when the template is not a draft', () => {
      const published = template.replace(/^draft: true$/m, 'draft: false');
      expect(published).not.toBe(template);
      expect(check(fill(published, { title: 'T' })).data['draft']).toBe(true);
    });

    it("keeps the template's organization and role when none are given", () => {
      const original = check(template).data;
      const { data } = check(fill(template, { title: 'Churn model' }));
      expect(data['organization']).toBe(original['organization']);
      expect(data['role']).toBe(original['role']);
      expect(data['period']).toEqual(original['period']);
    });

    it('accepts a day as the start date', () => {
      const { data, problems } = check(fill(template, { ...answers, start: '2025-06-15' }));
      expect(problems).toEqual([]);
      expect(data['period']).toEqual({ start: '2025-06-15' });
    });

    it('changes only the lines it fills in and keeps the body byte for byte', () => {
      const output = fill(template, answers);
      const before = template.split('\n');
      const after = output.split('\n');
      expect(after.length).toBe(before.length);
      const changed = before.flatMap((line, index) =>
        line === after[index] ? [] : [line.split(':')[0]],
      );
      expect(changed).toEqual(['title', 'organization', 'role', 'period']);
      expect(check(output).body).toBe(check(template).body);
    });

    it('validates against the case-study schema as-is', () => {
      expect(check(fill(template, { title: 'Churn model' })).problems).toEqual([]);
      expect(check(fill(template, answers)).problems).toEqual([]);
    });
  });

  it('quotes values only where YAML needs it', () => {
    const template = readTemplate('classification.mdx');
    const output = fill(template, {
      title: 'Churn: a model',
      organization: 'Acme',
      role: 'true',
      start: '2026-01',
    });
    expect(output).toMatch(/^title: "Churn: a model"$/m);
    expect(output).toMatch(/^organization: Acme$/m);
    expect(output).toMatch(/^role: "true"$/m);
    expect(check(output).data['role']).toBe('true');
  });

  it.each(['2026', '2026-13', '2025-02-30', '06/2026', 'June 2026', ''])(
    'rejects the start date %j',
    (start) => {
      const result = fillTemplate(readTemplate('classification.mdx'), { title: 'T', start });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain('YYYY-MM');
    },
  );

  it('rejects an empty or overlong title', () => {
    const template = readTemplate('classification.mdx');
    expect(fillTemplate(template, { title: '  ' }).ok).toBe(false);
    expect(fillTemplate(template, { title: 'x'.repeat(121) }).ok).toBe(false);
    expect(fillTemplate(template, { title: 'x'.repeat(120) }).ok).toBe(true);
  });

  it('rejects a file without frontmatter', () => {
    expect(fillTemplate('# Just a heading\n', { title: 'T' })).toEqual({
      ok: false,
      message: 'the template has no --- fenced frontmatter',
    });
  });

  it('keeps a trailing comment attached, or after its blank line', () => {
    const attached = '---\ntitle: A\n# end note\n---\nBody\n';
    expect(fill(attached, { title: 'B' })).toBe(
      '---\ntitle: B\ndraft: true\n# end note\n---\nBody\n',
    );
    const separated = '---\ntitle: A\ndraft: false\n\n# end note\n---\nBody\n';
    expect(fill(separated, { title: 'B' })).toBe(
      '---\ntitle: B\ndraft: true\n\n# end note\n---\nBody\n',
    );
  });
});
