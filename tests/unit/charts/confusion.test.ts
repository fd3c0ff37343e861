import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConfusion, shadeStep, type ConfusionView } from '../../../src/charts/confusion.ts';
import { parseMatrix } from '../../../src/artifacts/formats/confusion-matrix.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../fixtures/artifacts');

function artifact(name: string): string {
  return fs.readFileSync(path.join(ARTIFACTS, name), 'utf8');
}

function matrixOf(result: ReturnType<typeof parseMatrix>): number[][] {
  if (!result.ok) throw new Error(result.message);
  return result.matrix;
}

function viewOf(result: ReturnType<typeof buildConfusion>): ConfusionView {
  if (!result.ok) throw new Error(result.message);
  return result.view;
}

const rowSums = (rows: number[][]) => rows.map((row) => row.reduce((sum, v) => sum + v, 0));

describe('buildConfusion', () => {
  it('computes row-normalised shares and accuracy for the binary sklearn fixture', () => {
    const matrix = matrixOf(parseMatrix(artifact('confusion_matrix.json'), 'json'));
    const view = viewOf(buildConfusion(matrix, ['malignant', 'benign']));
    expect(view.labels).toEqual(['malignant', 'benign']);
    expect(view.counts).toEqual([
      [52, 1],
      [1, 89],
    ]);
    expect(view.shares[0]?.[0]).toBeCloseTo(52 / 53, 12);
    expect(view.shares[0]?.[1]).toBeCloseTo(1 / 53, 12);
    expect(view.shares[1]?.[0]).toBeCloseTo(1 / 90, 12);
    expect(view.shares[1]?.[1]).toBeCloseTo(89 / 90, 12);
    for (const sum of rowSums(view.shares)) expect(sum).toBeCloseTo(1, 12);
    // The same accuracy scikit-learn reported for this run (summary.json).
    const summary = JSON.parse(artifact('summary.json')) as { metrics: { accuracy: number } };
    expect(view.accuracy).toBeCloseTo(summary.metrics.accuracy, 12);
    expect(view.accuracy).toBeCloseTo(141 / 143, 12);
  });

  it('computes shares and accuracy for the three-class iris fixture', () => {
    const matrix = matrixOf(parseMatrix(artifact('iris_confusion_matrix.json'), 'json'));
    const view = viewOf(buildConfusion(matrix, ['setosa', 'versicolor', 'virginica']));
    expect(view.shares[0]).toEqual([1, 0, 0]);
    expect(view.shares[1]).toEqual([0, 1, 0]);
    expect(view.shares[2]?.[1]).toBeCloseTo(1 / 15, 12);
    expect(view.shares[2]?.[2]).toBeCloseTo(14 / 15, 12);
    for (const sum of rowSums(view.shares)) expect(sum).toBeCloseTo(1, 12);
    expect(view.accuracy).toBeCloseTo(44 / 45, 12);
  });

  it('labels classes 0, 1, 2... when no labels are given', () => {
    expect(
      viewOf(
        buildConfusion(
          [
            [1, 0, 0],
            [0, 1, 0],
            [0, 0, 1],
          ],
          undefined,
        ),
      ).labels,
    ).toEqual(['0', '1', '2']);
  });

  it('gives an empty class row shares of 0 instead of NaN', () => {
    const view = viewOf(
      buildConfusion(
        [
          [0, 0],
          [3, 1],
        ],
        undefined,
      ),
    );
    expect(view.shares).toEqual([
      [0, 0],
      [0.75, 0.25],
    ]);
    expect(view.accuracy).toBe(0.25);
    expect(
      viewOf(
        buildConfusion(
          [
            [0, 0],
            [0, 0],
          ],
          undefined,
        ),
      ).accuracy,
    ).toBe(0);
  });

  it('rejects labels that do not match the number of classes', () => {
    expect(
      buildConfusion(
        [
          [52, 1],
          [1, 89],
        ],
        ['no', 'yes', 'maybe'],
      ),
    ).toEqual({
      ok: false,
      message: 'labels has 3 names but the matrix has 2 classes',
    });
    expect(
      buildConfusion(
        [
          [15, 0, 0],
          [0, 15, 0],
          [0, 1, 14],
        ],
        ['setosa', 'versicolor'],
      ),
    ).toEqual({ ok: false, message: 'labels has 2 names but the matrix has 3 classes' });
  });

  it('says "1 name" for a single label', () => {
    expect(
      buildConfusion(
        [
          [52, 1],
          [1, 89],
        ],
        ['yes'],
      ),
    ).toEqual({
      ok: false,
      message: 'labels has 1 name but the matrix has 2 classes',
    });
  });
});

describe('shadeStep', () => {
  it('maps a share to a shading step from 0 to 10', () => {
    expect([0, 0.04, 0.05, 0.15, 0.5, 0.949, 0.95, 1].map(shadeStep)).toEqual([
      0, 0, 1, 2, 5, 9, 10, 10,
    ]);
  });

  it('clamps out-of-range shares', () => {
    expect(shadeStep(-0.2)).toBe(0);
    expect(shadeStep(1.3)).toBe(10);
  });

  it('shades the binary fixture rows as their shares', () => {
    const view = viewOf(
      buildConfusion(
        [
          [52, 1],
          [1, 89],
        ],
        undefined,
      ),
    );
    expect(view.shares.map((row) => row.map(shadeStep))).toEqual([
      [10, 0],
      [0, 10],
    ]);
  });
});
