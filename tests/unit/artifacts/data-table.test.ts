import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseCsv,
  parseJsonRows,
  parseNumber,
  rowsToTable,
  type DataTable,
  type TableResult,
} from '../../../src/artifacts/data-table.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../fixtures/artifacts');

function artifact(name: string): string {
  return fs.readFileSync(path.join(ARTIFACTS, name), 'utf8');
}

/** The table of a successful parse; fails the test with the message otherwise. */
function table(result: TableResult): DataTable {
  if (!result.ok) throw new Error(`expected a table, got: ${result.message}`);
  return result.table;
}

describe('parseNumber', () => {
  it('reads plain, signed, fractional and exponent numbers', () => {
    expect(parseNumber('42')).toBe(42);
    expect(parseNumber('-3.5')).toBe(-3.5);
    expect(parseNumber('+3')).toBe(3);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('5.')).toBe(5);
    expect(parseNumber('1e-3')).toBe(0.001);
    expect(parseNumber('4.786036264444696e-23')).toBe(4.786036264444696e-23);
    expect(parseNumber('  7 ')).toBe(7);
  });

  it('reads inf and infinity in any case and sign (scikit-learn >= 1.3 ROC thresholds)', () => {
    expect(parseNumber('inf')).toBe(Infinity);
    expect(parseNumber('INF')).toBe(Infinity);
    expect(parseNumber('+inf')).toBe(Infinity);
    expect(parseNumber('Infinity')).toBe(Infinity);
    expect(parseNumber('-inf')).toBe(-Infinity);
    expect(parseNumber('-Infinity')).toBe(-Infinity);
  });

  it('refuses text that only looks numeric', () => {
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('1,000')).toBeUndefined();
    expect(parseNumber('0x10')).toBeUndefined();
    expect(parseNumber('1_000')).toBeUndefined();
    expect(parseNumber('12%')).toBeUndefined();
    expect(parseNumber('nan')).toBeUndefined();
    expect(parseNumber('abc')).toBeUndefined();
  });
});

describe('parseCsv', () => {
  it('keeps commas and doubled quotes inside quoted fields', () => {
    expect(table(parseCsv('name,note\n"Smith, J","said ""hi"""\n'))).toEqual({
      columns: ['name', 'note'],
      rows: [{ name: 'Smith, J', note: 'said "hi"' }],
      firstRow: 2,
    });
  });

  it('keeps a line break inside a quoted field', () => {
    expect(table(parseCsv('a,b\n"line 1\nline 2",3\n')).rows).toEqual([
      { a: 'line 1\nline 2', b: 3 },
    ]);
  });

  it('accepts CRLF line endings without leaving \\r in the last column', () => {
    expect(table(parseCsv('epoch,loss\r\n1,0.5\r\n2,0.4\r\n'))).toEqual({
      columns: ['epoch', 'loss'],
      rows: [
        { epoch: 1, loss: 0.5 },
        { epoch: 2, loss: 0.4 },
      ],
      firstRow: 2,
    });
  });

  it('drops a UTF-8 byte order mark so the first column keeps its name', () => {
    const parsed = table(parseCsv('\uFEFFepoch,loss\r\n1,0.5\r\n'));
    expect(parsed.columns).toEqual(['epoch', 'loss']);
    expect(parsed.rows[0]).toEqual({ epoch: 1, loss: 0.5 });
  });

  it('drops the byte order mark before a quoted header too', () => {
    expect(table(parseCsv('\uFEFF"a","b"\r\n"1","2"\r\n'))).toEqual({
      columns: ['a', 'b'],
      rows: [{ a: 1, b: 2 }],
      firstRow: 2,
    });
  });

  it('detects semicolon separators', () => {
    expect(table(parseCsv('epoch;loss\n1;0.5\n2;0.4\n'))).toEqual({
      columns: ['epoch', 'loss'],
      rows: [
        { epoch: 1, loss: 0.5 },
        { epoch: 2, loss: 0.4 },
      ],
      firstRow: 2,
    });
  });

  it('detects tab separators', () => {
    expect(table(parseCsv('epoch\tloss\n1\t0.5\n'))).toEqual({
      columns: ['epoch', 'loss'],
      rows: [{ epoch: 1, loss: 0.5 }],
      firstRow: 2,
    });
  });

  it('keeps a comma decimal in a semicolon file as text, not a number', () => {
    expect(table(parseCsv('a;b\n1,5;2\n')).rows).toEqual([{ a: '1,5', b: 2 }]);
  });

  it('reads NA, NaN, null, None, n/a, - and empty cells as missing (null)', () => {
    const parsed = table(parseCsv('a,b,c,d\nNA,NaN,,null\nNone,n/a,-,nan\n'));
    expect(parsed.rows).toEqual([
      { a: null, b: null, c: null, d: null },
      { a: null, b: null, c: null, d: null },
    ]);
  });

  it('parses inf thresholds as Infinity', () => {
    const parsed = table(parseCsv('fpr,tpr,threshold\n0.0,0.0,inf\n0.5,0.9,0.4\n1,1,-inf\n'));
    expect(parsed.rows.map((row) => row['threshold'])).toEqual([Infinity, 0.4, -Infinity]);
  });

  it('trims header names and cells; text cells stay text', () => {
    expect(table(parseCsv('a, b ,c\n 1 , x ,3\n'))).toEqual({
      columns: ['a', 'b', 'c'],
      rows: [{ a: 1, b: 'x', c: 3 }],
      firstRow: 2,
    });
  });

  it('skips blank lines', () => {
    expect(table(parseCsv('x,y\n1,2\n\n3,4\n\n')).rows).toEqual([
      { x: 1, y: 2 },
      { x: 3, y: 4 },
    ]);
  });

  it('keeps a script tag in a cell as plain text', () => {
    const label = '</script><script>window.__xss=1</script>';
    expect(table(parseCsv(`label,value\n${label},1\n`)).rows).toEqual([{ label, value: 1 }]);
  });

  it('rejects a header that names a column twice', () => {
    expect(parseCsv('loss,epoch,loss\n1,2,3\n')).toEqual({
      ok: false,
      message: 'the header names column "loss" twice',
    });
  });

  it('keeps a column named __proto__ or constructor as a column, in CSV and JSON rows', () => {
    const json = table(parseJsonRows('[{"__proto__":1,"constructor":2},{"__proto__":3}]'));
    expect(json.columns).toEqual(['__proto__', 'constructor']);
    expect(json.rows.map((row) => [row['__proto__'], row['constructor']])).toEqual([
      [1, 2],
      [3, null],
    ]);
    expect(Object.getPrototypeOf(json.rows[0])).toBe(Object.prototype);
    const csv = table(parseCsv('__proto__,constructor\n1,2\n3,4\n'));
    expect(csv.rows.map((row) => [row['__proto__'], row['constructor']])).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('reads 100,000 columns, in CSV or JSON rows, in a few seconds at most, not minutes', () => {
    // Synchronous work outlives the test's timeout, so the time is measured.
    const start = performance.now();
    const names = Array.from({ length: 100_000 }, (_, index) => `c${index}`);
    const csv = table(parseCsv(`${names.join(',')}\n${names.map(() => '1').join(',')}\n`));
    expect(csv.columns).toHaveLength(100_000);
    const json = table(rowsToTable([Object.fromEntries(names.map((name) => [name, 1]))]));
    expect(json.columns).toHaveLength(100_000);
    expect(parseCsv(`${names.join(',')},c0\n${names.map(() => '1').join(',')},1\n`)).toEqual({
      ok: false,
      message: 'the header names column "c0" twice',
    });
    // About 1 s on a busy machine; comparing every name with every other took a minute.
    expect(performance.now() - start).toBeLessThan(10_000);
  });

  it('rejects a ragged row, numbering rows as file lines (header = row 1)', () => {
    expect(parseCsv('a,b\n1,2\n3\n')).toEqual({
      ok: false,
      message: 'row 3 has 1 cell but the header has 2',
    });
    expect(parseCsv('a,b\r\n1,2\r\n3,4,5\r\n')).toEqual({
      ok: false,
      message: 'row 3 has 3 cells but the header has 2',
    });
  });

  it('rejects an empty file', () => {
    expect(parseCsv('')).toEqual({ ok: false, message: 'the file is empty' });
    expect(parseCsv('\uFEFF')).toEqual({ ok: false, message: 'the file is empty' });
  });

  it('reads a header-only file as a table without rows', () => {
    expect(table(parseCsv('epoch,loss\n'))).toEqual({
      columns: ['epoch', 'loss'],
      rows: [],
      firstRow: 2,
    });
  });

  it('reads a Keras CSVLogger log (CRLF, alphabetical columns)', () => {
    const parsed = table(parseCsv(artifact('keras_training.csv')));
    expect(parsed.columns).toEqual(['epoch', 'accuracy', 'loss', 'val_accuracy', 'val_loss']);
    expect(parsed.rows).toHaveLength(3);
    expect(parsed.rows[2]).toEqual({
      epoch: 2,
      accuracy: 0.839,
      loss: 0.3871,
      val_accuracy: 0.8166,
      val_loss: 0.4398,
    });
  });

  it('reads a TensorBoard scalar export with its raw float32 values', () => {
    const parsed = table(parseCsv(artifact('run-train-tag-epoch_loss.csv')));
    expect(parsed.columns).toEqual(['Wall time', 'Step', 'Value']);
    expect(parsed.rows[0]).toEqual({
      'Wall time': 1718035505.123456,
      Step: 100,
      Value: 0.6930999755859375,
    });
  });

  it('reads the scikit-learn ROC curve with its tiny last threshold', () => {
    const parsed = table(parseCsv(artifact('roc_curve.csv')));
    expect(parsed.columns).toEqual(['fpr', 'tpr', 'threshold']);
    expect(parsed.rows).toHaveLength(6);
    expect(parsed.rows[0]).toEqual({ fpr: 0, tpr: 0, threshold: 1.9999994031637236 });
    expect(parsed.rows[5]).toEqual({ fpr: 1, tpr: 1, threshold: 4.786036264444696e-23 });
  });
});

describe('parseJsonRows', () => {
  it('reads an array of row objects; columns in first-seen order, missing keys as null', () => {
    expect(
      table(parseJsonRows('[{"epoch": 1, "loss": 0.5}, {"epoch": 2, "val_loss": 0.6}]')),
    ).toEqual({
      columns: ['epoch', 'loss', 'val_loss'],
      rows: [
        { epoch: 1, loss: 0.5, val_loss: null },
        { epoch: 2, loss: null, val_loss: 0.6 },
      ],
      firstRow: 1,
    });
  });

  it('reads numeric strings as numbers and missing markers as null', () => {
    expect(table(parseJsonRows('[{"a": "0.5", "b": "NA", "c": null, "d": "inf"}]')).rows).toEqual([
      { a: 0.5, b: null, c: null, d: Infinity },
    ]);
  });

  it('reports invalid JSON with the parser message', () => {
    const result = parseJsonRows('[{"a": 1,}]');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^not valid JSON \(.+\)$/);
  });

  it('rejects an object, an empty list and non-object rows', () => {
    const expected = 'expected a list of rows such as [{ "epoch": 1, "loss": 0.4 }]';
    expect(parseJsonRows('{"epoch": [1, 2]}')).toEqual({ ok: false, message: expected });
    expect(parseJsonRows('[]')).toEqual({ ok: false, message: expected });
    expect(parseJsonRows('[{"a": 1}, [2]]')).toEqual({
      ok: false,
      message: 'row 2 is not an object of column: value pairs',
    });
    expect(parseJsonRows('[1]')).toEqual({
      ok: false,
      message: 'row 1 is not an object of column: value pairs',
    });
  });
});

describe('rowsToTable', () => {
  it('turns inline MDX rows into a table, NaN as null', () => {
    expect(table(rowsToTable([{ x: 'a', y: 1 }, { x: 'b', y: Number.NaN }, { x: 'c' }]))).toEqual({
      columns: ['x', 'y'],
      rows: [
        { x: 'a', y: 1 },
        { x: 'b', y: null },
        { x: 'c', y: null },
      ],
      firstRow: 1,
    });
  });

  it('rejects a value that is not a list', () => {
    expect(rowsToTable(undefined)).toEqual({
      ok: false,
      message: 'expected a list of rows such as [{ "epoch": 1, "loss": 0.4 }]',
    });
    expect(rowsToTable([null])).toEqual({
      ok: false,
      message: 'row 1 is not an object of column: value pairs',
    });
  });
});
