import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDataTable } from '../../../src/artifacts/data-files.ts';
import { MAX_DATA_FILE_BYTES } from '../../../src/files/size-limit.ts';

const temporaryDirs: string[] = [];

afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A temporary project with content/case-studies/churn/index.mdx and `files`
 * (paths relative to the project root).
 */
function project(files: Record<string, string> = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-data-files-'));
  temporaryDirs.push(root);
  const contentDir = path.join(root, 'content');
  const mdxFile = path.join(contentDir, 'case-studies', 'churn', 'index.mdx');
  fs.mkdirSync(path.dirname(mdxFile), { recursive: true });
  fs.writeFileSync(mdxFile, '---\ntitle: x\n---\n');
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(root, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return { root, contentDir, mdxFile, dir: path.dirname(mdxFile) };
}

describe('readDataTable', () => {
  it('reads a CSV beside the MDX file', () => {
    const site = project({ 'content/case-studies/churn/history.csv': 'epoch,loss\r\n1,0.5\r\n' });
    expect(readDataTable('./history.csv', site.mdxFile, site.contentDir)).toEqual({
      ok: true,
      table: { columns: ['epoch', 'loss'], rows: [{ epoch: 1, loss: 0.5 }], firstRow: 2 },
    });
  });

  it('reads a JSON list of rows and a .tsv file', () => {
    const site = project({
      'content/case-studies/churn/rows.json': '[{"epoch": 1, "loss": 0.5}, {"epoch": 2}]',
      'content/case-studies/churn/history.tsv': 'epoch\tloss\n1\t0.5\n',
    });
    expect(readDataTable('./rows.json', site.mdxFile, site.contentDir)).toEqual({
      ok: true,
      table: {
        columns: ['epoch', 'loss'],
        rows: [
          { epoch: 1, loss: 0.5 },
          { epoch: 2, loss: null },
        ],
        firstRow: 1,
      },
    });
    expect(readDataTable('history.tsv', site.mdxFile, site.contentDir)).toEqual({
      ok: true,
      table: { columns: ['epoch', 'loss'], rows: [{ epoch: 1, loss: 0.5 }], firstRow: 2 },
    });
  });

  it('reads a file elsewhere inside content/', () => {
    const site = project({ 'content/case-studies/common.csv': 'a,b\n1,2\n' });
    expect(readDataTable('../common.csv', site.mdxFile, site.contentDir)).toEqual({
      ok: true,
      table: { columns: ['a', 'b'], rows: [{ a: 1, b: 2 }], firstRow: 2 },
    });
  });

  it('reports a missing file', () => {
    const site = project();
    expect(readDataTable('./history.csv', site.mdxFile, site.contentDir)).toEqual({
      ok: false,
      message: 'file not found: "./history.csv"',
    });
  });

  it('refuses a path that leaves content/', () => {
    const site = project({ 'secret.csv': 'a\n1\n' });
    expect(readDataTable('../../../secret.csv', site.mdxFile, site.contentDir)).toEqual({
      ok: false,
      message:
        'path "../../../secret.csv" leaves the content folder; keep files next to the case study',
    });
  });

  it('refuses absolute paths and URLs', () => {
    const site = project({ 'content/case-studies/churn/history.csv': 'a\n1\n' });
    const absolute = path.join(site.dir, 'history.csv');
    expect(readDataTable(absolute, site.mdxFile, site.contentDir)).toEqual({
      ok: false,
      message: `expected a path relative to this file such as "./history.csv", got "${absolute}"`,
    });
    expect(readDataTable('https://example.com/h.csv', site.mdxFile, site.contentDir)).toEqual({
      ok: false,
      message:
        'expected a path relative to this file such as "./h.csv", got "https://example.com/h.csv"',
    });
  });

  it('refuses a symlink to a file outside content/', () => {
    const site = project({ 'secret.csv': 'a\n1\n' });
    fs.symlinkSync(path.join(site.root, 'secret.csv'), path.join(site.dir, 'link.csv'));
    expect(readDataTable('./link.csv', site.mdxFile, site.contentDir)).toEqual({
      ok: false,
      message:
        'path "./link.csv" is a link to a file outside the content folder; copy the file in instead',
    });
  });

  it('refuses other file types', () => {
    const site = project({ 'content/case-studies/churn/history.xlsx': 'PK' });
    expect(readDataTable('./history.xlsx', site.mdxFile, site.contentDir)).toEqual({
      ok: false,
      message: './history.xlsx: expected a .csv or .json file',
    });
  });

  it('refuses a file over 5 MB with a hint to downsample', () => {
    const site = project({ 'content/case-studies/churn/big.csv': 'a,b\n' });
    fs.truncateSync(path.join(site.dir, 'big.csv'), Math.round(5.5 * 1024 * 1024));
    expect(readDataTable('./big.csv', site.mdxFile, site.contentDir)).toEqual({
      ok: false,
      message:
        './big.csv is 5.50 MB, over the 5 MB limit for data files; downsample it (for example every 10th row) or keep only the columns you plot',
    });
  });

  it('accepts a file of exactly 5 MB', () => {
    const site = project();
    // Rows of 64 bytes, within the row limit, and a last row that makes up the rest.
    const header = 'note\n';
    const row = `${'a'.repeat(63)}\n`;
    const rows = Math.floor((MAX_DATA_FILE_BYTES - header.length) / row.length);
    const rest = MAX_DATA_FILE_BYTES - header.length - rows * row.length;
    const text = `${header}${row.repeat(rows)}${'b'.repeat(rest - 1)}\n`;
    fs.writeFileSync(path.join(site.dir, 'edge.csv'), text);
    expect(fs.statSync(path.join(site.dir, 'edge.csv')).size).toBe(MAX_DATA_FILE_BYTES);
    const result = readDataTable('./edge.csv', site.mdxFile, site.contentDir);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.table.rows).toHaveLength(rows + 1);
  });

  it('prefixes parse problems with the file as written', () => {
    const site = project({
      'content/case-studies/churn/ragged.csv': 'a,b\n1,2\n3\n',
      'content/case-studies/churn/dup.csv': 'a,a\n1,2\n',
      'content/case-studies/churn/empty.csv': '',
      'content/case-studies/churn/object.json': '{"a": [1, 2]}',
    });
    const read = (written: string) => readDataTable(written, site.mdxFile, site.contentDir);
    expect(read('./ragged.csv')).toEqual({
      ok: false,
      message: './ragged.csv: row 3 has 1 cell but the header has 2',
    });
    expect(read('./dup.csv')).toEqual({
      ok: false,
      message: './dup.csv: the header names column "a" twice',
    });
    expect(read('./empty.csv')).toEqual({ ok: false, message: './empty.csv: the file is empty' });
    expect(read('./object.json')).toEqual({
      ok: false,
      message: './object.json: expected a list of rows such as [{ "epoch": 1, "loss": 0.4 }]',
    });
  });

  it('reads a file once while it is unchanged and again after it changes', () => {
    const site = project({ 'content/case-studies/churn/history.csv': 'epoch,loss\n1,0.5\n' });
    const file = path.join(site.dir, 'history.csv');
    const first = readDataTable('./history.csv', site.mdxFile, site.contentDir);
    expect(readDataTable('./history.csv', site.mdxFile, site.contentDir)).toBe(first);

    fs.writeFileSync(file, 'epoch,loss\n1,0.5\n2,0.4\n');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(file, later, later);
    const second = readDataTable('./history.csv', site.mdxFile, site.contentDir);
    expect(second).not.toBe(first);
    expect(second.ok && second.table.rows).toEqual([
      { epoch: 1, loss: 0.5 },
      { epoch: 2, loss: 0.4 },
    ]);
  });

  it('names the file as each MDX file wrote it, even when cached', () => {
    const site = project({ 'content/case-studies/churn/ragged.csv': 'a,b\n1,2\n3\n' });
    const otherMdx = path.join(site.contentDir, 'case-studies', 'other.mdx');
    expect(readDataTable('./ragged.csv', site.mdxFile, site.contentDir)).toEqual({
      ok: false,
      message: './ragged.csv: row 3 has 1 cell but the header has 2',
    });
    expect(readDataTable('./churn/ragged.csv', otherMdx, site.contentDir)).toEqual({
      ok: false,
      message: './churn/ragged.csv: row 3 has 1 cell but the header has 2',
    });
  });
});

describe('a very large data file', () => {
  it('fails fast with the size, without reading it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-huge-'));
    try {
      const folder = path.join(dir, 'content', 'case-studies', 'huge');
      fs.mkdirSync(folder, { recursive: true });
      // A sparse 50 MB file: as big as a real export, instant to create.
      const big = path.join(folder, 'huge.csv');
      fs.writeFileSync(big, 'step,value\n');
      fs.truncateSync(big, 50 * 1024 * 1024);
      const start = performance.now();
      const result = readDataTable(
        './huge.csv',
        path.join(folder, 'index.mdx'),
        path.join(dir, 'content'),
      );
      expect(performance.now() - start).toBeLessThan(200);
      expect(result).toEqual({
        ok: false,
        message:
          './huge.csv is 50.00 MB, over the 5 MB limit for data files; downsample it (for example every 10th row) or keep only the columns you plot',
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
