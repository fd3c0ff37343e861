import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { friendlyIssues } from '../../../src/problems/friendly-issues.ts';
import { formatFieldPath } from '../../../src/problems/problem.ts';
import { caseStudyPathSchema } from '../../../src/schemas/case-study.ts';
import { componentPropSchemas } from '../../../src/schemas/components.ts';
import { profilePathSchema } from '../../../src/schemas/profile.ts';
import { contractExample, edited } from './contract-example.ts';

/** The problems of a value against a schema as `field: message`, as an error line shows them. */
function messages(schema: z.ZodType, data: unknown): string[] {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return [];
  return friendlyIssues(result.error.issues, schema).map(
    (issue) => `${issue.field}: ${issue.message}`,
  );
}

/** The path of every string in a value, as segments: `['metrics', 0, 'name']`. */
function stringPaths(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value))
    return value.flatMap((item, index) => stringPaths(item, [...path, index]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  }
  return [];
}

/** The value at `path` in `data`. */
function at(data: unknown, path: PropertyKey[]): any {
  return path.reduce((node: any, key) => node[key], data);
}

/** `data` with the string at `path` changed by `change`. */
function withString(data: unknown, path: PropertyKey[], change: (text: string) => string): unknown {
  return edited(data, (draft) => {
    const parent = at(draft, path.slice(0, -1));
    const last = path.at(-1) as string | number;
    parent[last] = change(parent[last] as string);
  });
}

/** Fields whose value is one of a fixed list, a date or a link: refused, with their own message. */
const NOT_FREE_TEXT =
  /^(period\.|model\.task|dataset\.access|stakeholders\[\d+\]\.influence|metrics\[\d+\]\.goal|links\.|education\[\d+\]\.(start|end)|experience\[\d+\]\.(start|end)|email)/;

const fullCaseStudy = edited(contractExample(), (draft) => {
  draft.cover = { src: './cover.png', alt: 'The retention list' };
  draft.team = '2 data scientists';
  draft.dataset.description = 'Events';
  draft.dataset.license = 'Internal';
  draft.model.hyperparameters = { max_depth: 6, objective: 'binary:logistic' };
  draft.metrics.push({ name: 'F1', from: './report.json', key: 'macro avg.f1-score' });
  draft.metrics[0].description = 'Area under the curve';
  draft.stakeholders[1].name = 'Sam';
  draft.stakeholders[1].outcome = 'Ran it';
});

const fullProfile = {
  name: 'Ada Lovelace',
  headline: 'Data science intern',
  location: 'London',
  bio: 'I like engines.',
  avatar: './avatar.jpg',
  availability: 'Open to full-time roles',
  links: [{ label: 'GitHub', url: 'https://github.com/ada' }],
  skills: [{ group: 'Modelling', items: ['XGBoost'] }],
  education: [{ school: 'University of London', degree: 'MS Statistics', start: '2024-09' }],
  experience: [{ organization: 'Acme', role: 'Intern', start: '2025-06', summary: 'Churn.' }],
  resume: './resume.pdf',
};

describe('text fields and control characters', () => {
  it('refuse a control character in every text field of a case study and a profile, naming it', () => {
    const cases = [
      [caseStudyPathSchema, fullCaseStudy],
      [profilePathSchema, fullProfile],
    ] as const;
    for (const [schema, data] of cases) {
      expect(schema.safeParse(data).success).toBe(true);
      for (const path of stringPaths(data)) {
        const field = formatFieldPath(path);
        const lines = messages(
          schema,
          withString(data, path, (text) => `${text}\u001b[31m`),
        );
        expect(lines.length, field).toBeGreaterThan(0);
        if (!NOT_FREE_TEXT.test(field)) {
          expect(lines, field).toContain(
            `${field}: the control character U+001B (character ${Array.from(at(data, path) as string).length + 1}) cannot be shown on a page or in a feed; remove it (tabs and line breaks are fine)`,
          );
        }
      }
    }
  });

  it('refuse NUL, DEL, C1 controls, unpaired surrogates and noncharacters; keep tabs, line breaks, emoji and RTL text', () => {
    const title = (text: string) =>
      messages(
        caseStudyPathSchema,
        edited(contractExample(), (draft) => (draft.title = text)),
      );
    expect(title('a\u0000b')).toEqual([
      'title: the control character U+0000 (character 2) cannot be shown on a page or in a feed; remove it (tabs and line breaks are fine)',
    ]);
    expect(title('\u007f')[0]).toContain('U+007F (character 1)');
    expect(title('ab\u0085')[0]).toContain('U+0085 (character 3)');
    expect(title('a\r\nb')[0]).toContain('U+000D (character 2)');
    expect(title('😀 \ud800')).toEqual([
      'title: U+D800 (character 3) is half of a character (an unpaired surrogate), which no page or feed can show; remove it',
    ]);
    expect(title('a\uffff')).toEqual([
      'title: U+FFFF (character 2) is not a character, and no page or feed can show it; remove it',
    ]);
    for (const fine of ['a\tb', 'two\nlines', '😀 “quotes” <b> & ]]>', 'تنبؤ بالطلب', 'a\u2028b']) {
      expect(title(fine), JSON.stringify(fine)).toEqual([]);
    }
  });

  it('refuse bidirectional controls in what names a page or a file, not in prose', () => {
    const study = (change: (draft: any) => void) =>
      messages(caseStudyPathSchema, edited(contractExample(), change));
    expect(study((draft) => (draft.title = 'Report \u202Efdp.exe'))).toEqual([
      'title: the bidirectional control U+202E (character 8) makes a name read in another order than it is written; remove it',
    ]);
    expect(study((draft) => (draft.tags = ['churn', '\u2066x\u2069']))).toEqual([
      'tags[1]: the bidirectional control U+2066 (character 1) makes a name read in another order than it is written; remove it',
    ]);
    expect(study((draft) => (draft.cover = { src: './\u202Agnp.png', alt: 'x' }))[0]).toMatch(
      /^cover\.src: the bidirectional control U\+202A \(character 3\)/,
    );
    expect(
      study((draft) => (draft.metrics[0] = { name: 'F1', from: './\u202Dx.json', key: 'f1' }))[0],
    ).toMatch(/^metrics\[0\]\.from: the bidirectional control U\+202D/);
    expect(study((draft) => (draft.summary = 'Arabic \u2067تنبؤ\u2069 text'))).toEqual([]);
  });

  it('refuse control characters in component props, inline data and hyperparameters, keys included', () => {
    expect(
      messages(componentPropSchemas.Chart, {
        title: 'Loss',
        data: [{ epoch: 1, 'lo\u0007ss': 0.4, note: 'ok\u009b' }],
      }),
    ).toEqual([
      'data[0].lo\\u0007ss: the control character U+0007 (character 3) cannot be shown on a page or in a feed; remove it (tabs and line breaks are fine)',
      'data[0].note: the control character U+009B (character 3) cannot be shown on a page or in a feed; remove it (tabs and line breaks are fine)',
    ]);
    expect(messages(componentPropSchemas.Figure, { src: './a\u0000.png', alt: 'x' })[0]).toMatch(
      /^src: the control character U\+0000/,
    );
    expect(
      messages(
        caseStudyPathSchema,
        edited(contractExample(), (draft) => (draft.model.hyperparameters = { seed: 'x\u001b' })),
      ),
    ).toEqual([
      'model.hyperparameters.seed: the control character U+001B (character 2) cannot be shown on a page or in a feed; remove it (tabs and line breaks are fine)',
    ]);
  });
});

describe('tags and skills with no page address', () => {
  it('are errors naming the label, with the code points of an invisible one', () => {
    const labels = (tags: string[], skills: string[] = []) =>
      messages(
        caseStudyPathSchema,
        edited(contractExample(), (draft) => Object.assign(draft, { tags, skills })),
      );
    expect(labels(['churn', '\u200b', '🔥'], ['!!'])).toEqual([
      'tags[1]: "\u200b" (U+200B) has no letter or digit to make its page address from; add a word to it or remove it',
      'tags[2]: "🔥" has no letter or digit to make its page address from; add a word to it or remove it',
      'skills[0]: "!!" has no letter or digit to make its page address from; add a word to it or remove it',
    ]);
    expect(labels(['🔥 hot', '時系列', 'données'], ['C++', 'C#', 'R'])).toEqual([]);
  });
});
