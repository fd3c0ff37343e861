import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { objectKeysAt } from '../../../src/problems/friendly-issues.ts';
import { caseStudyPathSchema } from '../../../src/schemas/case-study.ts';
import {
  calloutPropsSchema,
  chartPropsSchema,
  confusionMatrixPropsSchema,
  figurePropsSchema,
  metricPropsSchema,
  metricsChartPropsSchema,
} from '../../../src/schemas/components.ts';
import { taskSchema } from '../../../src/schemas/model.ts';
import { cohortSchema } from '../../../src/schemas/cohort.ts';
import { profilePathSchema } from '../../../src/schemas/profile.ts';

/**
 * The README's frontmatter reference is written by hand; this keeps it honest.
 * Each table must list exactly the fields its schema allows, so adding,
 * renaming or removing a field fails here until the README says so too.
 */

const root = fileURLToPath(new URL('../../..', import.meta.url));
const readme: string = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const lines: string[] = readme.split(/\r?\n/);

/** Heading text -> the schema and path whose object keys the table documents. */
const tables: [heading: string, schema: z.ZodType, path: PropertyKey[]][] = [
  ['Case study', caseStudyPathSchema, []],
  ['period', caseStudyPathSchema, ['period']],
  ['dataset', caseStudyPathSchema, ['dataset']],
  ['model', caseStudyPathSchema, ['model']],
  ['metrics[]', caseStudyPathSchema, ['metrics', 0]],
  ['stakeholders[]', caseStudyPathSchema, ['stakeholders', 0]],
  ['links', caseStudyPathSchema, ['links']],
  ['cover', caseStudyPathSchema, ['cover']],
  ['dataset.quality', caseStudyPathSchema, ['dataset', 'quality']],
  ['responsible', caseStudyPathSchema, ['responsible']],
  ['responsible.fairness', caseStudyPathSchema, ['responsible', 'fairness']],
  ['profile.yaml', profilePathSchema, []],
  ['cohort.yaml', cohortSchema, []],
  ['profile links[]', profilePathSchema, ['links', 0]],
  ['profile skills[]', profilePathSchema, ['skills', 0]],
  ['profile education[]', profilePathSchema, ['education', 0]],
  ['profile experience[]', profilePathSchema, ['experience', 0]],
  ['`<Chart>` props', chartPropsSchema, []],
  ['`<MetricsChart>` props', metricsChartPropsSchema, []],
  ['`<ConfusionMatrix>` props', confusionMatrixPropsSchema, []],
  ['`<Figure>` props', figurePropsSchema, []],
];

/** Tables that document several small schemas together: the union of their fields. */
const sharedTables: [heading: string, schemas: z.ZodType[]][] = [
  ['`<Metric>` and `<Callout>` props', [metricPropsSchema, calloutPropsSchema]],
];

/** Cells of a Markdown table row; `\|` inside a cell is not a separator. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

/** The table rows (header and separator excluded) in the section under `### <heading>` (or `####`). */
function tableUnder(heading: string): string[][] {
  const starts = lines.flatMap((line, index) =>
    line.trim() === `### ${heading}` || line.trim() === `#### ${heading}` ? [index] : [],
  );
  expect(starts, `exactly one "### ${heading}" heading`).toHaveLength(1);
  const start = starts[0]!;
  const section: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,6}\s/.test(line)) break;
    section.push(line);
  }
  const rows = section.filter((line) => line.trim().startsWith('|'));
  expect(rows.length, `a table under "### ${heading}"`).toBeGreaterThan(2);
  expect(cells(rows[0]!), `column headings under "### ${heading}"`).toEqual([
    'field',
    'type',
    'required',
    'notes',
  ]);
  expect(rows[1], `separator row under "### ${heading}"`).toMatch(/^\s*\|(\s*:?-+:?\s*\|)+\s*$/);
  return rows.slice(2).map(cells);
}

/** The field names in a table's first column, checked to be one backticked name per row. */
function fieldNames(heading: string): string[] {
  const names = tableUnder(heading).map((row) => {
    const match = /^`([^`]+)`$/.exec(row[0] ?? '');
    expect(
      match,
      `first cell "${row[0]}" under "### ${heading}" is a field name in backticks`,
    ).not.toBeNull();
    expect(row, `a row under "### ${heading}" has four cells`).toHaveLength(4);
    return match![1]!;
  });
  expect(new Set(names).size, `no field listed twice under "### ${heading}"`).toBe(names.length);
  return names;
}

describe('README frontmatter reference', () => {
  it.each(tables)('the "%s" table lists exactly the schema fields', (heading, schema, path) => {
    const keys = objectKeysAt(schema, path);
    expect(keys.length, `schema keys at ${JSON.stringify(path)}`).toBeGreaterThan(0);
    expect([...fieldNames(heading)].sort()).toEqual([...keys].sort());
  });

  it.each(sharedTables)('the "%s" table lists exactly their fields', (heading, schemas) => {
    const keys = new Set(schemas.flatMap((schema) => objectKeysAt(schema, [])));
    expect([...fieldNames(heading)].sort()).toEqual([...keys].sort());
  });

  it('names every model task value', () => {
    for (const task of taskSchema.options) {
      expect(readme, `model task "${task}"`).toContain(`\`${task}\``);
    }
  });
});

/** The README's sections by their `## ` heading, each with its text. */
function sections(): Map<string, string> {
  const result = new Map<string, string>();
  let heading = '';
  for (const line of lines) {
    const match = /^## (.+)$/.exec(line);
    if (match) heading = match[1]!;
    result.set(heading, `${result.get(heading) ?? ''}${line}\n`);
  }
  return result;
}

describe('README quick start', () => {
  const top = sections().get('') ?? '';
  const block = /```[^\n]*\n([\s\S]*?)```/.exec(top)?.[1] ?? '';

  it('opens with the build, test and preview commands, in that order', () => {
    const commands = block.split('\n').map((line) => line.replace(/#.*/, '').trim());
    expect(commands.filter(Boolean)).toEqual([
      'npm ci && npm run build',
      'npm test',
      'npm run preview',
    ]);
  });

  it('then leads with making the portfolio yours, before the first case study', () => {
    const headings = [...sections().keys()];
    const start = headings.indexOf('Start your own portfolio');
    expect(start, 'a "## Start your own portfolio" section').toBeGreaterThan(0);
    expect(start).toBeLessThan(headings.indexOf('Write your first case study in five minutes'));
    expect(top.slice(top.indexOf('```', top.indexOf('```') + 3))).toContain(
      '`npm run new -- --fresh`',
    );
    expect(sections().get('Start your own portfolio')).toContain('npm run new -- --fresh\n');
  });
});

describe('README commands and paths', () => {
  const packageJson = JSON.parse(
    readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
  ) as { scripts: Record<string, string> };

  it('names only npm scripts that package.json has', () => {
    const named = new Set(
      [...readme.matchAll(/npm run ([a-z][\w:-]*)/g)].map((match) => match[1]!),
    );
    expect(named.size).toBeGreaterThan(5);
    const missing = [...named].filter((name) => !(name in packageJson.scripts));
    expect(missing).toEqual([]);
  });

  it('lists every npm script in the Development table', () => {
    const development = sections().get('Development') ?? '';
    const listed = [...development.matchAll(/^\| `npm (?:run )?([\w:-]+)`/gm)].map((m) => m[1]!);
    expect(listed.sort()).toEqual(Object.keys(packageJson.scripts).sort());
  });

  it('names only options npm run new has', () => {
    const help = spawnSync(process.execPath, ['src/authoring/new.ts', '--help'], {
      cwd: root,
      encoding: 'utf8',
    }).stdout;
    const used = new Set(
      [...readme.matchAll(/npm run new -- ([^`\n]*)/g)].flatMap((match) =>
        [...match[1]!.matchAll(/--[a-z-]+/g)].map((flag) => flag[0]),
      ),
    );
    expect([...used]).toContain('--fresh');
    for (const flag of used)
      expect(help, `npm run new ${flag}`).toMatch(new RegExp(`\\s${flag}\\b`));
  });

  it('names only source, test and project files that exist', () => {
    const named = new Set(
      [...readme.matchAll(/`((?:src|tests|bench|docs|templates|\.ci|\.github)\/[^`*<> ]+)`/g)].map(
        (match) => match[1]!,
      ),
    );
    expect(named.size).toBeGreaterThan(10);
    const missing = [...named].filter((file) => !existsSync(path.join(root, file)));
    expect(missing).toEqual([]);
  });

  it('lists only files and folders that exist in its architecture tree', () => {
    const tree = /## Architecture\n\n```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const parents: string[] = [];
    const missing: string[] = [];
    let count = 0;
    for (const line of tree.split('\n')) {
      const match = /^( *)(\S+)/.exec(line);
      // Continuation lines of a description are indented past the name column.
      if (!match || match[1]!.length > 8) continue;
      const depth = match[1]!.length / 2;
      const name = match[2]!;
      parents.length = depth;
      const file = [...parents, name].join('');
      if (name.endsWith('/')) parents.push(name);
      // content/ and public/ are the user's: tests never read them.
      if (file === 'content/' || file === 'public/') continue;
      count++;
      if (!existsSync(path.join(root, file))) missing.push(file);
    }
    expect(count).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});

describe('README résumé', () => {
  it('has a résumé section naming the three résumé URLs', () => {
    const section = sections().get('Résumé') ?? '';
    for (const url of ['/resume/', '/resume.json', '/resume.pdf']) {
      expect(section).toContain(`\`${url}\``);
    }
  });

  it('says in the profile table where skills, education, experience and resume go', () => {
    const rows = new Map(tableUnder('profile.yaml').map((row) => [row[0], row[3] ?? '']));
    for (const field of ['skills', 'education', 'experience']) {
      expect(rows.get(`\`${field}\``)).toContain('[résumé](#résumé)');
    }
    expect(rows.get('`resume`')).toContain('`/resume.pdf`');
  });
});
