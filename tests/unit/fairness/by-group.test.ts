import { describe, expect, it } from 'vitest';
import { groupTableFromCsv, groupTableFromJson } from '../../../src/fairness/by-group.ts';
import { parsePythonJson } from '../../../src/files/python-json.ts';

/** The table's groups and cells, compactly: `group: cell, cell`. */
function rows(result: ReturnType<typeof groupTableFromCsv>): string[] {
  if (!result.ok) throw new Error(result.message);
  return result.table.rows.map(
    (row) => `${row.group} (${row.place}): ${row.cells.map(String).join(', ')}`,
  );
}

/** JSON as a fairness file holds it, NaN and all. */
function json(text: string, wanted: string[] = ['recall']) {
  const parsed = parsePythonJson(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return groupTableFromJson(parsed.data, wanted);
}

describe('by_group.to_csv()', () => {
  it('reads the group column, the metric columns and count, as fairlearn writes them', () => {
    const result = groupTableFromCsv(
      'issuing region,recall,false_positive_rate,count\nabroad,0.66,0.047,412.0\ndomestic,0.81,0.012,2140.0\n',
    );
    expect(result.ok && result.table.groupColumns).toEqual(['issuing region']);
    expect(result.ok && result.table.columns).toEqual(['recall', 'false_positive_rate', 'count']);
    expect(rows(result)).toEqual([
      'abroad (row 2): 0.66, 0.047, 412',
      'domestic (row 3): 0.81, 0.012, 2140',
    ]);
  });

  it('reads an unnamed group column (an index without a name)', () => {
    const result = groupTableFromCsv(',recall\nabroad,0.66\ndomestic,0.81\n');
    expect(result.ok && result.table.groupColumns).toEqual(['']);
    expect(rows(result)).toEqual(['abroad (row 2): 0.66', 'domestic (row 3): 0.81']);
  });

  it('joins the columns of several sensitive features into one group name', () => {
    const result = groupTableFromCsv(
      'issuing region,card,recall,count\nabroad,credit,0.0,3.0\nabroad,debit,0.5,1.0\ndomestic,credit,1.0,1.0\n',
    );
    expect(result.ok && result.table.groupColumns).toEqual(['issuing region', 'card']);
    expect(rows(result)).toEqual([
      'abroad · credit (row 2): 0, 3',
      'abroad · debit (row 3): 0.5, 1',
      'domestic · credit (row 4): 1, 1',
    ]);
  });

  it('keeps a numeric group in the first column as its name', () => {
    expect(rows(groupTableFromCsv('senior,recall\n0,0.7\n1,0.6\n'))).toEqual([
      '0 (row 2): 0.7',
      '1 (row 3): 0.6',
    ]);
  });

  it('reads empty and NaN cells as missing, and keeps text for the resolver to judge', () => {
    expect(rows(groupTableFromCsv('g,recall,precision\na,,nan\nb,0.5,high\n'))).toEqual([
      'a (row 2): null, null',
      'b (row 3): 0.5, high',
    ]);
  });

  it('numbers rows by their line, blank lines and all', () => {
    expect(rows(groupTableFromCsv('g,recall\r\n\r\na,0.5\r\nb,0.6\r\n'))).toEqual([
      'a (row 3): 0.5',
      'b (row 4): 0.6',
    ]);
  });

  it('refuses a file without a metric column, a ragged row, a repeated column and a blank group', () => {
    expect(groupTableFromCsv('just one column\na\n')).toEqual({
      ok: false,
      message:
        'expected a column of groups and at least one metric column, got one column; save MetricFrame.by_group with .to_csv() (first column the group, one column per metric) or .to_json()',
    });
    expect(groupTableFromCsv('g,recall\na,0.5,0.7\n')).toEqual({
      ok: false,
      message: 'row 2 has 3 cells but the header has 2',
    });
    expect(groupTableFromCsv('g,recall,recall\na,0.5,0.7\n')).toEqual({
      ok: false,
      message: 'the header names column "recall" twice',
    });
    expect(groupTableFromCsv('region,recall\n,0.5\n')).toEqual({
      ok: false,
      message: 'row 2 has no group name in column "region"',
    });
  });
});

describe('a by_group CSV file a spreadsheet saved', () => {
  it('refuses decimal commas on the first cell that has one, saying how to save the file', () => {
    // Excel in a language that writes 0,5: a BOM, ";" between cells, CRLF, decimal commas.
    const excel =
      '\uFEFFregion;recall;false_positive_rate;count\r\nEast;0,7096774193548387;0,249;366,0\r\nWest;0,585;0,153;252,0\r\n';
    expect(groupTableFromCsv(excel)).toEqual({
      ok: false,
      message:
        'row 2, column "recall": "0,7096774193548387" is written with a decimal comma, as a spreadsheet saves it in many languages; save the file with decimal points, as by_group.to_csv() writes it',
    });
  });

  it('reads the same file with decimal points, BOM, semicolons and all', () => {
    const result = groupTableFromCsv(
      '\uFEFFregion;recall;count\r\nEast;0.7097;366\r\nWest;0.585;252\r\n',
    );
    expect(result.ok && result.table.groupColumns).toEqual(['region']);
    expect(rows(result)).toEqual(['East (row 2): 0.7097, 366', 'West (row 3): 0.585, 252']);
  });
});

describe('by_group.to_json()', () => {
  const expected = [
    'abroad (group "abroad"): 0.66, 412',
    'domestic (group "domestic"): 0.81, 2140',
  ];

  it('reads the default columns orient', () => {
    expect(
      rows(
        json(
          '{"recall":{"abroad":0.66,"domestic":0.81},"count":{"abroad":412.0,"domestic":2140.0}}',
        ),
      ),
    ).toEqual(expected);
  });

  it('reads the index orient', () => {
    expect(
      rows(
        json('{"abroad":{"recall":0.66,"count":412.0},"domestic":{"recall":0.81,"count":2140.0}}'),
      ),
    ).toEqual(expected);
  });

  it('reads the split orient, a MultiIndex as lists', () => {
    expect(
      rows(
        json(
          '{"columns":["recall","count"],"index":["abroad","domestic"],"data":[[0.66,412.0],[0.81,2140.0]]}',
        ),
      ),
    ).toEqual(expected);
    expect(
      rows(
        json(
          '{"columns":["recall"],"index":[["abroad","debit"],["domestic","credit"]],"data":[[0.5],[0.7]]}',
        ),
      ),
    ).toEqual([
      'abroad · debit (group "abroad · debit"): 0.5',
      'domestic · credit (group "domestic · credit"): 0.7',
    ]);
  });

  it('reads the records orient after reset_index(), and refuses it without', () => {
    expect(
      rows(
        json(
          '[{"issuing region":"abroad","recall":0.66,"count":412.0},{"issuing region":"domestic","recall":0.81,"count":2140.0}]',
        ),
      ),
    ).toEqual(expected);
    expect(json('[{"recall":0.66},{"recall":0.81}]')).toEqual({
      ok: false,
      message:
        'the rows do not name their groups: save by_group.reset_index().to_json(orient="records"), or save MetricFrame.by_group with .to_csv() (first column the group, one column per metric) or .to_json()',
    });
  });

  it('names a group of several features by the tuple pandas writes as its key', () => {
    expect(
      rows(json(`{"recall":{"('abroad', 'debit')":0.5,"('domestic', 'credit')":1.0}}`)),
    ).toEqual([
      'abroad · debit (group "abroad · debit"): 0.5',
      'domestic · credit (group "domestic · credit"): 1',
    ]);
  });

  it('reads NaN as missing', () => {
    expect(rows(json('{"recall":{"abroad":NaN,"domestic":0.81}}'))).toEqual([
      'abroad (group "abroad"): null',
      'domestic (group "domestic"): 0.81',
    ]);
  });

  it('reads a Series as the one metric named', () => {
    expect(rows(json('{"abroad":0.66,"domestic":0.81}', ['recall']))).toEqual([
      'abroad (group "abroad"): 0.66',
      'domestic (group "domestic"): 0.81',
    ]);
    expect(json('{"abroad":0.66}', ['recall', 'precision'])).toMatchObject({ ok: false });
  });

  it('refuses a group with a blank name or no name, as a CSV row without one', () => {
    expect(json('{"recall":{"abroad":0.5," ":0.7}}')).toEqual({
      ok: false,
      message: 'group 2 of 2 has no name',
    });
    expect(
      json('{"columns":["recall"],"index":["abroad",null,{"a":1}],"data":[[0.5],[0.6],[0.7]]}'),
    ).toEqual({ ok: false, message: 'group 2 of 3 has no name' });
    expect(json(`{"recall":{"('abroad', None)":0.5,"('domestic', 'credit')":1.0}}`)).toEqual({
      ok: false,
      message: 'group 1 of 2 has no name',
    });
  });

  it('refuses a column named twice in the split orient, as in a CSV header', () => {
    expect(
      json('{"columns":["recall","recall"],"index":["a","b"],"data":[[0.5,0.6],[0.7,0.8]]}'),
    ).toEqual({ ok: false, message: '"columns" names column "recall" twice' });
  });

  it('reads 100,000 groups or columns in a few seconds at most, not minutes', () => {
    // Synchronous work outlives the test's timeout, so the time is measured.
    const start = performance.now();
    const groups = Array.from({ length: 100_000 }, (_, index) => `g${index}`);
    const byColumn = { recall: Object.fromEntries(groups.map((group) => [group, 0.5])) };
    const read = groupTableFromJson(byColumn, ['recall']);
    expect(read.ok && read.table.rows.length).toBe(100_000);
    const byIndex = { a: Object.fromEntries(groups.map((group) => [group, 1])), b: { recall: 1 } };
    const wide = groupTableFromJson(byIndex, ['recall']);
    expect(wide.ok && wide.table.columns.length).toBe(100_001);
    const records = [Object.fromEntries([['g', 'a'], ...groups.map((name) => [name, 1])])];
    const recordsRead = groupTableFromJson(records, ['recall']);
    expect(recordsRead.ok && recordsRead.table.columns.length).toBe(100_000);
    const csv = `g,${groups.join(',')}\na,${groups.map(() => '1').join(',')}\n`;
    const csvRead = groupTableFromCsv(csv);
    expect(csvRead.ok && csvRead.table.columns.length).toBe(100_000);
    // About 1 s on a busy machine; comparing every name with every other took 40 s.
    expect(performance.now() - start).toBeLessThan(10_000);
  });

  it("never reads a value from an object's prototype", () => {
    const result = json('{"recall":{"abroad":0.5},"count":{"constructor":3}}', ['recall']);
    expect(rows(result)).toEqual([
      'abroad (group "abroad"): 0.5, null',
      'constructor (group "constructor"): null, 3',
    ]);
  });
});
