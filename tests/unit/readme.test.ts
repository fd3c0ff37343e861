import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { objectKeysAt } from '../../src/lib/friendly-issues.ts';
import { caseStudyPathSchema } from '../../src/schemas/case-study.ts';
import {
  calloutPropsSchema,
  chartPropsSchema,
  confusionMatrixPropsSchema,
  figurePropsSchema,
  metricPropsSchema,
  metricsChartPropsSchema,
} from '../../src/schemas/components.ts';
import { taskSchema } from '../../src/schemas/model.ts';
import { profilePathSchema } from '../../src/schemas/profile.ts';

/**
 * The README's frontmatter reference is written by hand; this keeps it honest.
 * Each table must list exactly the fields its schema allows, so adding,
 * renaming or removing a field fails here until the README says so too.
 */

const readme: string = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
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
  ['profile.yaml', profilePathSchema, []],
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

describe('README quick start', () => {
  it('opens with the build and test commands', () => {
    const block = /```[^\n]*\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(block).toContain('npm install && npm run build');
    expect(block).toContain('npm test');
  });
});
