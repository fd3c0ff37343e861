import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFairnessFile } from '../../../src/fairness/read.ts';
import { fairnessBreakdown } from '../../../src/fairness/breakdown.ts';
import { fairnessSchema } from '../../../src/schemas/responsible.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-fairness-'));
const contentDir = path.join(root, 'content');
const folder = path.join(contentDir, 'case-studies', 'fraud');
const mdxFile = path.join(folder, 'index.mdx');
fs.mkdirSync(folder, { recursive: true });
fs.writeFileSync(mdxFile, '---\n---\n');
fs.writeFileSync(path.join(root, 'outside.csv'), 'g,recall\na,1\nb,2\n');

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(name: string, text: string): void {
  fs.writeFileSync(path.join(folder, name), text);
}

function read(fields: Record<string, unknown>) {
  const fairness = fairnessSchema.parse({ attribute: 'region', metrics: ['recall'], ...fields });
  return readFairnessFile(fairness, mdxFile, contentDir);
}

describe('reading a fairness file', () => {
  it('reads CSV and JSON told apart by their content, whatever the name', () => {
    write('by_group.csv', 'region,recall\nabroad,0.66\ndomestic,0.81\n');
    write('by_group.txt', '{"recall": {"abroad": 0.66, "domestic": 0.81}}');
    for (const from of ['./by_group.csv', './by_group.txt']) {
      const result = read({ from });
      expect(result.ok && result.table.rows.map((row) => [row.group, row.cells])).toEqual([
        ['abroad', [0.66]],
        ['domestic', [0.81]],
      ]);
    }
  });

  it('finds the table under key in a JSON file, and lists the keys there when it is not', () => {
    write(
      'report.json',
      '{"overall": {"recall": 0.7}, "by_group": {"recall": {"a": 0.6, "b": 0.8}}}',
    );
    const found = read({ from: './report.json', key: 'by_group' });
    expect(found.ok && found.table.rows.map((row) => row.group)).toEqual(['a', 'b']);
    expect(read({ from: './report.json', key: 'by_groups' })).toEqual({
      ok: false,
      field: 'key',
      message: './report.json: no "by_groups" in the file; keys at the top: "overall", "by_group"',
    });
  });

  it("finds no table in an object's prototype under key", () => {
    write('report.json', '{"by_group": {"recall": {"a": 0.6, "b": 0.8}}}');
    for (const key of ['__proto__', 'toString', 'by_group.constructor']) {
      expect(read({ from: './report.json', key })).toEqual({
        ok: false,
        field: 'key',
        message: `./report.json: no "${key}" in the file; keys at the top: "by_group"`,
      });
    }
  });

  it('refuses key on a CSV file, and a format that is not json', () => {
    write('by_group.csv', 'region,recall\nabroad,0.66\ndomestic,0.81\n');
    expect(read({ from: './by_group.csv', key: 'by_group' })).toEqual({
      ok: false,
      field: 'key',
      message: './by_group.csv is a CSV file, and key finds a table inside a JSON file; remove key',
    });
    expect(read({ from: './by_group.csv', format: 'keras-log' })).toEqual({
      ok: false,
      field: 'format',
      message:
        '"keras-log" does not apply to a fairness file, which is read as CSV or JSON (fairlearn\'s MetricFrame.by_group); write format: json, or remove format',
    });
  });

  it('words a missing, outside, oversized or broken file as other artifacts are worded', () => {
    expect(read({ from: './nope.csv' })).toEqual({
      ok: false,
      field: 'from',
      message: 'file not found: "./nope.csv"',
    });
    expect(read({ from: '../../../outside.csv' })).toEqual({
      ok: false,
      field: 'from',
      message:
        'path "../../../outside.csv" leaves the content folder; keep files next to the case study',
    });
    write('big.csv', `g,recall\n${'a,0.5\n'.repeat(900_000)}`);
    expect(read({ from: './big.csv' })).toEqual({
      ok: false,
      field: 'from',
      message:
        './big.csv is 5.15 MB, over the 5 MB limit for data files; downsample it (for example every 10th row) or keep only the columns you plot',
    });
    write('broken.json', '{\n  "recall": {"a": 0.5,}\n}');
    expect(read({ from: './broken.json' })).toMatchObject({
      ok: false,
      field: 'from',
      message: expect.stringMatching(
        /^\.\/broken\.json \(line 2\): expected valid JSON, found an error: /,
      ),
    });
    write('one-column.csv', 'region\nabroad\n');
    expect(read({ from: './one-column.csv' })).toEqual({
      ok: false,
      field: 'from',
      message:
        './one-column.csv: expected a column of groups and at least one metric column, got one column; save MetricFrame.by_group with .to_csv() (first column the group, one column per metric) or .to_json()',
    });
  });

  it('says so when the file is UTF-16 (Excel’s "Unicode Text") or not text at all', () => {
    const csv = 'region,recall\nabroad,0.66\ndomestic,0.81\n';
    // With a byte-order mark, as Excel writes it, and without one.
    fs.writeFileSync(
      path.join(folder, 'unicode.csv'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]),
    );
    fs.writeFileSync(path.join(folder, 'no-bom.csv'), Buffer.from(csv, 'utf16le'));
    for (const name of ['unicode.csv', 'no-bom.csv']) {
      expect(read({ from: `./${name}` })).toEqual({
        ok: false,
        field: 'from',
        message: `./${name} is saved as UTF-16 text; save it again as UTF-8 (in Excel, "CSV UTF-8"; pandas writes UTF-8 unless given another encoding)`,
      });
    }
    fs.writeFileSync(path.join(folder, 'frame.parquet'), Buffer.from('PAR1\0\0\x15\x04', 'latin1'));
    expect(read({ from: './frame.parquet' })).toEqual({
      ok: false,
      field: 'from',
      message:
        './frame.parquet is not a text file (it holds NUL bytes, as a spreadsheet, Parquet or pickle file does); export the data as CSV or JSON',
    });
  });

  it('reads a file once, however many case studies and checks name it, until it changes', () => {
    write('once.csv', 'region,recall\nabroad,0.66\ndomestic,0.81\n');
    const first = read({ from: './once.csv' });
    const second = read({ from: './once.csv' });
    expect(second.ok && first.ok && second.table).toBe(first.ok && first.table);
  });
});

describe('a breakdown from file to view', () => {
  it('puts a read problem on its field, and a mismatch on the field to fix', () => {
    write('by_group.csv', 'region,recall\nabroad,0.66\ndomestic,0.81\n');
    const breakdown = (fields: Record<string, unknown>) =>
      fairnessBreakdown(
        fairnessSchema.parse({
          attribute: 'region',
          from: './by_group.csv',
          metrics: ['recall'],
          ...fields,
        }),
        mdxFile,
        contentDir,
      );
    expect(breakdown({ from: './gone.csv' })).toEqual({
      ok: false,
      problems: [{ path: ['from'], message: 'file not found: "./gone.csv"' }],
    });
    expect(breakdown({ metrics: ['precision'] })).toEqual({
      ok: false,
      problems: [
        {
          path: ['metrics', 0],
          message: 'no column "precision" in ./by_group.csv (available: "recall")',
        },
      ],
    });
    expect(breakdown({}).ok).toBe(true);
  });
});
