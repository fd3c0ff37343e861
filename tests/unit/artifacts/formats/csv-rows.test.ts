import { describe, expect, it } from 'vitest';
import {
  cellNumber,
  expectedCell,
  finiteCell,
  fractionCell,
  readCell,
  stepCell,
} from '../../../../src/artifacts/formats/csv-rows.ts';

describe('cell readers', () => {
  it.each([
    ['3', 3, 3, 3, undefined],
    ['0.5', 0.5, 0.5, undefined, 0.5],
    [' 1 ', 1, 1, 1, 1],
    ['-1', -1, -1, undefined, undefined],
    ['', null, undefined, undefined, undefined],
    ['nan', Number.NaN, undefined, undefined, undefined],
    ['inf', Infinity, undefined, undefined, undefined],
    ['x', undefined, undefined, undefined, undefined],
  ])('%j: number %s, finite %s, step %s, fraction %s', (cell, number, finite, step, fraction) => {
    expect(cellNumber(cell)).toBe(number);
    expect(finiteCell(cell)).toBe(finite);
    expect(stepCell(cell)).toBe(step);
    expect(fractionCell(cell)).toBe(fraction);
  });
});

describe('readCell', () => {
  const row = { line: 7, cells: ['1', 'x', ' '] };

  it('gives the value its column takes', () => {
    expect(readCell(row, 0, stepCell, expectedCell('a whole number for Step'))).toEqual({
      ok: true,
      value: 1,
    });
  });

  it('names the row line and quotes the cell it cannot take', () => {
    expect(readCell(row, 1, stepCell, expectedCell('a whole number for Step'))).toEqual({
      ok: false,
      line: 7,
      message: 'expected a whole number for Step, got "x"',
    });
    expect(readCell(row, 2, finiteCell, expectedCell('a number for Value'))).toEqual({
      ok: false,
      line: 7,
      message: 'expected a number for Value, got an empty cell',
    });
  });

  it('reads a missing cell as empty, and a row without a line gives a problem without one', () => {
    const wording = (cell: string) => `column "loss": got "${cell}"`;
    expect(readCell({ cells: ['1'] }, 3, finiteCell, wording)).toEqual({
      ok: false,
      message: 'column "loss": got ""',
    });
  });
});
