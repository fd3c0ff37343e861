import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { friendlyIssues } from '../../../src/problems/friendly-issues.ts';
import { parseYaml, splitFrontmatter } from '../../../src/content/frontmatter.ts';
import {
  fillTemplate,
  notebookTitle,
  withNotebook,
  withSections,
} from '../../../src/authoring/scaffold.ts';
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

  it.each([
    ['2026', 'start: expected a date as YYYY-MM or YYYY-MM-DD, got "2026"'],
    ['06/2026', 'start: expected a date as YYYY-MM or YYYY-MM-DD, got "06/2026"'],
    ['June 2026', 'start: expected a date as YYYY-MM or YYYY-MM-DD, got "June 2026"'],
    ['', 'start: expected a date as YYYY-MM or YYYY-MM-DD, got ""'],
    ['2026-13', 'start: 2026-13 is not a real date (months run from 01 to 12)'],
    ['2025-02-30', 'start: 2025-02-30 is not a real date (February 2025 has 28 days)'],
  ])("rejects the start date %j in the content check's words", (start, message) => {
    const result = fillTemplate(readTemplate('classification.mdx'), { title: 'T', start });
    expect(result).toEqual({ ok: false, message });
  });

  it("rejects an empty or overlong title in the content check's words", () => {
    const template = readTemplate('classification.mdx');
    expect(fillTemplate(template, { title: '  ' })).toEqual({
      ok: false,
      message: 'title: must not be empty',
    });
    expect(fillTemplate(template, { title: 'x'.repeat(121) })).toEqual({
      ok: false,
      message: 'title: expected at most 120 characters, got 121',
    });
    expect(fillTemplate(template, { title: 'x'.repeat(120) }).ok).toBe(true);
  });

  it('rejects a title on two lines', () => {
    expect(fillTemplate(readTemplate('classification.mdx'), { title: 'Churn\nmodel' })).toEqual({
      ok: false,
      message: 'title: must be one line',
    });
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

describe('withNotebook', () => {
  const element = '<Notebook src="./analysis.ipynb" />';

  it('puts the notebook after the first paragraph of Approach', () => {
    const body =
      '\n## Problem\n\nWhy.\n\n## Approach\n\nHow we did it,\non two lines.\n\nMore.\n\n## Results\n\nWhat.\n';
    expect(withNotebook(body, 'analysis.ipynb')).toBe(
      `\n## Problem\n\nWhy.\n\n## Approach\n\nHow we did it,\non two lines.\n\n${element}\n\nMore.\n\n## Results\n\nWhat.\n`,
    );
  });

  it('puts it before Results without an Approach, and at the end without either', () => {
    expect(withNotebook('## Problem\n\nWhy.\n\n## Results\n\nWhat.\n', 'analysis.ipynb')).toBe(
      `## Problem\n\nWhy.\n\n${element}\n\n## Results\n\nWhat.\n`,
    );
    expect(withNotebook('## Problem\n\nWhy.\n\n', 'analysis.ipynb')).toBe(
      `## Problem\n\nWhy.\n\n${element}\n`,
    );
  });

  it('fits every template: the filled file still validates', () => {
    for (const name of templates) {
      const text = withNotebook(
        fill(readTemplate(name), { title: 'A notebook study' }),
        'nb.ipynb',
      );
      expect(check(text).problems).toEqual([]);
      expect(text).toContain('\n\n<Notebook src="./nb.ipynb" />\n\n');
    }
  });
});

describe('notebookTitle', () => {
  it('takes the first Markdown heading, as plain text', () => {
    expect(notebookTitle(['Intro text', '## *Churn* model with `xgboost` [v2](x.md) ##'])).toBe(
      'Churn model with xgboost v2',
    );
  });

  it('gives nothing for a notebook without a heading, or one no title may be', () => {
    expect(notebookTitle(['No heading here'])).toBeUndefined();
    expect(notebookTitle([`# ${'x'.repeat(200)}`])).toBeUndefined();
  });
});

describe('withSections', () => {
  const body =
    '## Problem\n\nWhy.\n\n## Approach\n\n### Approach notes\n\n## Results\n\n## Impact\n';
  const english = ['Problem', 'Approach', 'Results', 'Impact'];

  it('renames the template’s section headings, one for one, to the site’s', () => {
    expect(withSections(body, english, ['Problem', 'Vorgehen', 'Ergebnisse', 'Wirkung'])).toBe(
      '## Problem\n\nWhy.\n\n## Vorgehen\n\n### Approach notes\n\n## Ergebnisse\n\n## Wirkung\n',
    );
  });

  it('renames nothing when the site asks for another number of sections', () => {
    expect(withSections(body, english, ['Overview', 'Results'])).toBe(body);
  });
});
