import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfusionMatrix } from '../../../../src/artifacts/formats/confusion-matrix.ts';
import type { Artifact, ImportResult } from '../../../../src/artifacts/formats/types.ts';
import { ARTIFACTS } from '../../../helpers/artifacts.ts';

function fixture(name: string): string {
  return fs.readFileSync(path.join(ARTIFACTS, name), 'utf8');
}

function matrixOf(result: ImportResult): NonNullable<Artifact['matrix']> {
  if (!result.ok) throw new Error(`expected a matrix, got: ${result.message}`);
  expect(result.artifact.format).toBe('confusion-matrix');
  if (!result.artifact.matrix) throw new Error('no matrix');
  return result.artifact.matrix;
}

describe('parseConfusionMatrix (JSON)', () => {
  it('reads the breast-cancer {labels, matrix} fixture, ignoring "convention"', () => {
    expect(parseConfusionMatrix(fixture('confusion_matrix.json'), 'json')).toEqual({
      ok: true,
      artifact: {
        format: 'confusion-matrix',
        matrix: {
          counts: [
            [52, 1],
            [1, 89],
          ],
          labels: ['malignant', 'benign'],
        },
      },
    });
  });

  it('reads the three-class iris fixture', () => {
    expect(matrixOf(parseConfusionMatrix(fixture('iris_confusion_matrix.json'), 'json'))).toEqual({
      counts: [
        [15, 0, 0],
        [0, 15, 0],
        [0, 1, 14],
      ],
      labels: ['setosa', 'versicolor', 'virginica'],
    });
  });

  it('reads a bare nested array without labels', () => {
    const matrix = matrixOf(parseConfusionMatrix('[[52, 1], [1, 89]]', 'json'));
    expect(matrix).toEqual({
      counts: [
        [52, 1],
        [1, 89],
      ],
    });
    expect(matrix).not.toHaveProperty('labels');
  });

  it('reads numeric labels (classes_.tolist()) as text', () => {
    expect(
      matrixOf(parseConfusionMatrix('{"labels": [0, 1], "matrix": [[52, 1], [1, 89]]}', 'json'))
        .labels,
    ).toEqual(['0', '1']);
  });

  it('names labels that do not fit the matrix', () => {
    expect(
      parseConfusionMatrix('{"labels": ["a", "b", "c"], "matrix": [[52, 1], [1, 89]]}', 'json'),
    ).toEqual({
      ok: false,
      message: '"labels": expected 2 class names, one per row of the 2-class matrix, got 3',
    });
    expect(parseConfusionMatrix('{"labels": "ab", "matrix": [[52, 1], [1, 89]]}', 'json')).toEqual({
      ok: false,
      message: '"labels": expected a list of class names, got "ab"',
    });
    expect(
      parseConfusionMatrix('{"labels": ["a", null], "matrix": [[52, 1], [1, 89]]}', 'json'),
    ).toEqual({
      ok: false,
      message: '"labels": expected a list of class names, got a list with other values',
    });
  });

  it('passes on parseMatrix problems, saying what was found', () => {
    expect(parseConfusionMatrix('[[52, 1], [1]]', 'json')).toEqual({
      ok: false,
      message: 'row 2 has 1 count; a 2-class matrix needs 2',
    });
    expect(parseConfusionMatrix('{"matrix": [[52, 1], [1, -89]]}', 'json')).toEqual({
      ok: false,
      message: '"matrix": row 2 has -89, not a count',
    });
    expect(parseConfusionMatrix('[[52]]', 'json')).toEqual({
      ok: false,
      message: 'expected a square list of rows of counts, at least 2 x 2, got 1 row',
    });
    expect(parseConfusionMatrix('{"matrix": "52 1 1 89"}', 'json')).toEqual({
      ok: false,
      message:
        '"matrix": expected a square list of rows of counts, at least 2 x 2, got "52 1 1 89"',
    });
    expect(parseConfusionMatrix('{"cm": [[52, 1], [1, 89]]}', 'json')).toEqual({
      ok: false,
      message:
        'expected a nested list of counts or an object with a "matrix" key, got an object with keys "cm"',
    });
    expect(parseConfusionMatrix('0.98', 'json')).toEqual({
      ok: false,
      message: 'expected a square list of rows of counts, at least 2 x 2, got 0.98',
    });
  });

  it('reports broken JSON', () => {
    const result = parseConfusionMatrix('[[52, 1],\n [1, 89]', 'json');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(/^not valid JSON \(/);
  });
});

describe('parseConfusionMatrix (CSV)', () => {
  it('reads the pandas CSV fixture (CRLF, header of class names, label column)', () => {
    expect(parseConfusionMatrix(fixture('confusion_matrix.csv'), 'csv')).toEqual({
      ok: true,
      artifact: {
        format: 'confusion-matrix',
        matrix: {
          counts: [
            [52, 1],
            [1, 89],
          ],
          labels: ['malignant', 'benign'],
        },
      },
    });
  });

  it('reads np.savetxt output (spaces, no labels)', () => {
    expect(matrixOf(parseConfusionMatrix('5.2e+01 1\n1 8.9e+01\n', 'csv'))).toEqual({
      counts: [
        [52, 1],
        [1, 89],
      ],
    });
  });

  it('reads a pandas CSV whose class names are numbers (",0,1" header)', () => {
    expect(matrixOf(parseConfusionMatrix(',0,1\r\n0,52,1\r\n1,1,89\r\n', 'csv'))).toEqual({
      counts: [
        [52, 1],
        [1, 89],
      ],
      labels: ['0', '1'],
    });
  });

  it('names the file line of a bad count, counting the header and blank lines', () => {
    expect(parseConfusionMatrix('true\\pred,a,b\n\na,52,1\nb,1,x\n', 'csv')).toEqual({
      ok: false,
      line: 4,
      message: 'row 2 has "x", not a count',
    });
    expect(parseConfusionMatrix('52,1\n1,89,0\n', 'csv')).toEqual({
      ok: false,
      line: 2,
      message: 'row 2 has 3 counts; a 2-class matrix needs 2',
    });
  });

  it('names a bad count on the first line instead of taking it for class names', () => {
    expect(parseConfusionMatrix('52,x\n1,89\n', 'csv')).toEqual({
      ok: false,
      line: 1,
      message: 'row 1 has "x", not a count',
    });
  });

  it('names a header with the wrong number of class names', () => {
    expect(parseConfusionMatrix('t,a,b,c\na,52,1\nb,1,89\n', 'csv')).toEqual({
      ok: false,
      line: 1,
      message: 'expected 2 class names, one per row of the 2-class matrix, got 3 in the header',
    });
  });

  it('rejects a file too small to be a matrix', () => {
    expect(parseConfusionMatrix('52,1\n', 'csv')).toEqual({
      ok: false,
      message: 'expected a square list of rows of counts, at least 2 x 2, got 1 row',
    });
    expect(parseConfusionMatrix('\r\n', 'csv')).toEqual({
      ok: false,
      message: 'expected a square list of rows of counts, at least 2 x 2, got an empty file',
    });
  });
});
