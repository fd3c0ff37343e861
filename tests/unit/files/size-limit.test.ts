import { describe, expect, it } from 'vitest';
import {
  MAX_CSV_CELL_CHARS,
  MAX_CSV_ROWS,
  MAX_DATA_FILE_BYTES,
  MAX_JSON_DEPTH,
  MAX_RUN_FOLDER_BYTES,
  MAX_RUN_FOLDER_FILES,
  csvLimitProblem,
  tooDeepLine,
} from '../../../src/files/size-limit.ts';

describe('the limits', () => {
  it('are the documented, generous ones', () => {
    expect(MAX_DATA_FILE_BYTES).toBe(5 * 1024 * 1024);
    expect(MAX_RUN_FOLDER_BYTES).toBe(20 * 1024 * 1024);
    expect(MAX_RUN_FOLDER_FILES).toBe(10_000);
    expect(MAX_JSON_DEPTH).toBe(64);
    expect(MAX_CSV_ROWS).toBe(200_000);
    expect(MAX_CSV_CELL_CHARS).toBe(10_000);
  });
});

describe('tooDeepLine', () => {
  const nested = (depth: number, open = '[', close = ']') =>
    `${open.repeat(depth)}${close.repeat(depth)}`;

  it('accepts JSON nested up to the limit, and gives the line where it goes deeper', () => {
    expect(tooDeepLine(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(tooDeepLine(nested(MAX_JSON_DEPTH + 1))).toBe(1);
    expect(tooDeepLine(`{\n"a":\n${nested(MAX_JSON_DEPTH, '{"b":', '}')}\n}`)).toBe(3);
  });

  it('counts no brackets inside strings, escaped quotes included', () => {
    const text = `{"note": "${'['.repeat(1000)} \\" ${'{'.repeat(1000)}", "x": [1]}`;
    expect(tooDeepLine(text)).toBeUndefined();
  });

  it('takes a file nested 100,000 levels deep without overflowing the stack', () => {
    expect(tooDeepLine(nested(100_000))).toBe(1);
  });
});

describe('csvLimitProblem', () => {
  const records = (rows: number, cell = '1') =>
    Array.from({ length: rows + 1 }, (_, index) => ({ cells: ['a', cell], line: index + 1 }));

  it('accepts a file at the limits', () => {
    expect(csvLimitProblem(records(MAX_CSV_ROWS))).toBeUndefined();
    expect(csvLimitProblem(records(3, 'x'.repeat(MAX_CSV_CELL_CHARS)))).toBeUndefined();
  });

  it('refuses a row over the row limit, and a cell over the cell limit with its line and column', () => {
    expect(csvLimitProblem(records(MAX_CSV_ROWS + 1))).toEqual({
      ok: false,
      message:
        'the file has 200,001 rows, over the 200,000-row limit for data files; downsample it (for example every 10th row)',
    });
    expect(
      csvLimitProblem([
        { cells: ['a', 'b'], line: 1 },
        { cells: ['1', 'x'.repeat(MAX_CSV_CELL_CHARS + 1)], line: 4 },
      ]),
    ).toEqual({
      ok: false,
      line: 4,
      message:
        'column 2 holds a cell of 10,001 characters, over the 10,000-character limit for a cell; shorten it or leave it out',
    });
  });
});
