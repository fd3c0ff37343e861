import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkMatrix,
  parseConfusionMatrix,
  parseMatrix,
  readMatrixFile,
} from '../../../../src/artifacts/formats/confusion-matrix.ts';
import type { Artifact, ImportResult } from '../../../../src/artifacts/formats/types.ts';
import { MAX_DATA_FILE_BYTES } from '../../../../src/files/size-limit.ts';
import { ARTIFACTS, artifactSite } from '../../../helpers/artifacts.ts';

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

/** The counts of a matrix that reads; fails the test with the problem otherwise. */
function countsOf(result: ReturnType<typeof parseMatrix>): number[][] {
  if (!result.ok) throw new Error(result.message);
  return result.matrix;
}

describe('parseMatrix', () => {
  it('reads the scikit-learn breast-cancer JSON fixture ({labels, matrix})', () => {
    expect(countsOf(parseMatrix(fixture('confusion_matrix.json'), 'json'))).toEqual([
      [52, 1],
      [1, 89],
    ]);
    expect(parseMatrix(fixture('confusion_matrix.json'), 'json')).toEqual({
      ok: true,
      matrix: [
        [52, 1],
        [1, 89],
      ],
      labels: ['malignant', 'benign'],
    });
  });

  it('reads the scikit-learn iris JSON fixture (3 classes)', () => {
    expect(countsOf(parseMatrix(fixture('iris_confusion_matrix.json'), 'json'))).toEqual([
      [15, 0, 0],
      [0, 15, 0],
      [0, 1, 14],
    ]);
  });

  it('reads a bare nested array (json.dump(cm.tolist()))', () => {
    expect(countsOf(parseMatrix('[[52, 1], [1, 89]]', 'json'))).toEqual([
      [52, 1],
      [1, 89],
    ]);
  });

  it('reads np.savetxt output: space separated, exponent notation', () => {
    const text =
      '5.200000000000000000e+01 1.000000000000000000e+00\n1.000000000000000000e+00 8.900000000000000000e+01\n';
    expect(countsOf(parseMatrix(text, 'csv'))).toEqual([
      [52, 1],
      [1, 89],
    ]);
  });

  it('reads a headerless CSV with CRLF, a BOM, and ; or tab separators', () => {
    const expected = [
      [52, 1],
      [1, 89],
    ];
    expect(countsOf(parseMatrix('\uFEFF52,1\r\n1,89\r\n', 'csv'))).toEqual(expected);
    expect(countsOf(parseMatrix('52;1\n1;89\n', 'csv'))).toEqual(expected);
    expect(countsOf(parseMatrix('52\t1\n1\t89\n\n', 'csv'))).toEqual(expected);
  });

  it('reads the labelled scikit-learn CSV fixture', () => {
    expect(countsOf(parseMatrix(fixture('confusion_matrix.csv'), 'csv'))).toEqual([
      [52, 1],
      [1, 89],
    ]);
    expect(parseMatrix(fixture('confusion_matrix.csv'), 'csv')).toEqual({
      ok: true,
      matrix: [
        [52, 1],
        [1, 89],
      ],
      labels: ['malignant', 'benign'],
    });
  });

  it('names the row (and its index) and the cell that is not a count', () => {
    expect(parseMatrix('52,1\n1,x\n', 'csv')).toEqual({
      ok: false,
      row: 1,
      message: 'row 2 has "x", not a count',
    });
    expect(parseMatrix('[[52, 1], [1, -2]]', 'json')).toEqual({
      ok: false,
      row: 1,
      message: 'row 2 has -2, not a count',
    });
    expect(parseMatrix('[[52, "1"], [1, 89]]', 'json')).toEqual({
      ok: false,
      row: 0,
      message: 'row 1 has "1", not a count',
    });
  });

  it('quotes an infinite count as written, not as null', () => {
    expect(parseMatrix('52,1\n1,inf\n', 'csv')).toEqual({
      ok: false,
      row: 1,
      message: 'row 2 has "inf", not a count',
    });
  });

  it('rejects a non-square matrix, naming the row', () => {
    expect(parseMatrix('52,1\n1,89,3\n', 'csv')).toEqual({
      ok: false,
      row: 1,
      message: 'row 2 has 3 counts; a 2-class matrix needs 2',
    });
    expect(parseMatrix('[[1, 2, 3], [4, 5, 6]]', 'json')).toEqual({
      ok: false,
      row: 0,
      message: 'row 1 has 3 counts; a 2-class matrix needs 2',
    });
    expect(parseMatrix('[[1, 2], [3]]', 'json')).toEqual({
      ok: false,
      row: 1,
      message: 'row 2 has 1 count; a 2-class matrix needs 2',
    });
  });

  it('rejects what is not a matrix of at least 2 x 2', () => {
    const message = 'expected a square list of rows of counts, at least 2 x 2';
    expect(parseMatrix('[[1]]', 'json')).toEqual({ ok: false, message });
    expect(parseMatrix('{"labels": ["a", "b"]}', 'json')).toEqual({ ok: false, message });
    expect(parseMatrix('', 'csv')).toEqual({ ok: false, message });
    expect(parseMatrix('[1, 2]', 'json')).toEqual({
      ok: false,
      row: 0,
      message: 'row 1 has 0 counts; a 2-class matrix needs 2',
    });
  });

  it('reports invalid JSON', () => {
    const result = parseMatrix('[[52, 1], [1, 89]', 'json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^not valid JSON \(.+\)$/);
  });
});

describe('checkMatrix', () => {
  it('accepts inline matrix props', () => {
    expect(
      checkMatrix([
        [3, 0],
        [1, 2],
      ]),
    ).toEqual({
      ok: true,
      matrix: [
        [3, 0],
        [1, 2],
      ],
    });
  });

  it('rejects NaN and Infinity counts but accepts fractions (normalised matrices)', () => {
    expect(
      checkMatrix([
        [Number.NaN, 0],
        [1, 2],
      ]).ok,
    ).toBe(false);
    expect(
      checkMatrix([
        [1, 0],
        [1, Infinity],
      ]).ok,
    ).toBe(false);
    expect(
      checkMatrix([
        [1, 0],
        [1, 2.5],
      ]).ok,
    ).toBe(true);
  });
});

describe('readMatrixFile', () => {
  it('reads the scikit-learn JSON fixtures', () => {
    const site = artifactSite();
    expect(readMatrixFile('./confusion_matrix.json', site.mdxFile, site.contentDir)).toEqual({
      ok: true,
      matrix: [
        [52, 1],
        [1, 89],
      ],
      labels: ['malignant', 'benign'],
    });
    expect(readMatrixFile('./iris_confusion_matrix.json', site.mdxFile, site.contentDir)).toEqual({
      ok: true,
      matrix: [
        [15, 0, 0],
        [0, 15, 0],
        [0, 1, 14],
      ],
      labels: ['setosa', 'versicolor', 'virginica'],
    });
  });

  it('reads a headerless CSV', () => {
    const site = artifactSite({ 'cm.csv': '52,1\r\n1,89\r\n' });
    expect(readMatrixFile('./cm.csv', site.mdxFile, site.contentDir)).toEqual({
      ok: true,
      matrix: [
        [52, 1],
        [1, 89],
      ],
    });
  });

  it('prefixes matrix problems with the file as written', () => {
    const site = artifactSite({ 'cm.csv': '1,2,3\n4,5\n' });
    expect(readMatrixFile('./cm.csv', site.mdxFile, site.contentDir)).toEqual({
      ok: false,
      message: './cm.csv: row 1 has 3 counts; a 2-class matrix needs 2',
    });
  });

  it('applies the same path checks as data tables', () => {
    const site = artifactSite();
    fs.writeFileSync(path.join(site.root, 'outside.json'), '[[1, 0], [0, 1]]');
    expect(readMatrixFile('./cm.json', site.mdxFile, site.contentDir)).toEqual({
      ok: false,
      message: 'file not found: "./cm.json"',
    });
    expect(readMatrixFile('../../../outside.json', site.mdxFile, site.contentDir)).toEqual({
      ok: false,
      message:
        'path "../../../outside.json" leaves the content folder; keep files next to the case study',
    });
  });

  it('refuses other file types and files over the limit', () => {
    const site = artifactSite({ 'cm.txt': '1 0\n0 1\n', 'big.json': '[]' });
    fs.truncateSync(path.join(site.dir, 'big.json'), MAX_DATA_FILE_BYTES + 1);
    expect(readMatrixFile('./cm.txt', site.mdxFile, site.contentDir)).toEqual({
      ok: false,
      message: './cm.txt: expected a .json or .csv file',
    });
    expect(readMatrixFile('./big.json', site.mdxFile, site.contentDir)).toEqual({
      ok: false,
      message:
        './big.json is 5.00 MB, over the 5 MB limit for data files; downsample it (for example every 10th row) or keep only the columns you plot',
    });
  });
});
