import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePrCurve, parseRocCurve } from '../../../../src/artifacts/formats/curves.ts';
import type { Artifact, ImportResult } from '../../../../src/artifacts/formats/types.ts';
import { ARTIFACTS } from '../../../helpers/artifacts.ts';

function fixture(name: string): string {
  return fs.readFileSync(path.join(ARTIFACTS, name), 'utf8');
}

function curveOf(result: ImportResult): NonNullable<Artifact['curve']> {
  if (!result.ok) throw new Error(`expected a curve, got: ${result.message}`);
  if (!result.artifact.curve) throw new Error('no curve');
  return result.artifact.curve;
}

describe('parseRocCurve', () => {
  it('reads the 6-point scikit-learn 1.2 fixture exactly (CRLF, first threshold max + 1)', () => {
    expect(parseRocCurve(fixture('roc_curve.csv'))).toEqual({
      ok: true,
      artifact: {
        format: 'roc-curve',
        curve: {
          kind: 'roc',
          x: [0, 0, 0, 0.018867924528301886, 0.018867924528301886, 1],
          y: [0, 0.011111111111111112, 0.8777777777777778, 0.8777777777777778, 1, 1],
          thresholds: [
            1.9999994031637236, 0.9999994031637236, 0.9010528107136919, 0.8939010110556579,
            0.3807442764494514, 4.786036264444696e-23,
          ],
        },
      },
    });
  });

  it('reads the 144-point fixture (drop_intermediate=False)', () => {
    const curve = curveOf(parseRocCurve(fixture('roc_curve_full.csv')));
    expect(curve.x).toHaveLength(144);
    expect(curve.y).toHaveLength(144);
    expect(curve.thresholds).toHaveLength(144);
    expect(curve.thresholds[0]).toBe(1.9999994031637236);
    expect(curve.thresholds[3]).toBe(0.9999970492097842);
    expect(curve.x.at(-2)).toBe(0.9811320754716981);
    expect(curve.thresholds.at(-1)).toBe(4.786036264444696e-23);
  });

  it('reads the inf first threshold of scikit-learn >= 1.3', () => {
    const curve = curveOf(
      parseRocCurve('fpr,tpr,threshold\n0.0,0.0,inf\n0.0,0.5,0.9\n1.0,1.0,0.1\n'),
    );
    expect(curve.thresholds).toEqual([Infinity, 0.9, 0.1]);
  });

  it('accepts columns in any order, "thresholds", a pandas index, ; and tab', () => {
    const expected = {
      kind: 'roc',
      x: [0, 0.5, 1],
      y: [0, 0.75, 1],
      thresholds: [Infinity, 0.4, 0.1],
    };
    expect(
      curveOf(parseRocCurve('thresholds,tpr,fpr\r\ninf,0,0\r\n0.4,0.75,0.5\r\n0.1,1,1\r\n')),
    ).toEqual(expected);
    expect(
      curveOf(parseRocCurve(',fpr,tpr,thresholds\n0,0.0,0.0,inf\n1,0.5,0.75,0.4\n2,1.0,1.0,0.1\n')),
    ).toEqual(expected);
    expect(curveOf(parseRocCurve('FPR;TPR;Threshold\n0;0;inf\n0.5;0.75;0.4\n1;1;0.1\n'))).toEqual(
      expected,
    );
    expect(
      curveOf(parseRocCurve('fpr\ttpr\tthreshold\n0\t0\tinf\n0.5\t0.75\t0.4\n1\t1\t0.1\n')),
    ).toEqual(expected);
  });

  it('reads thresholds as NaN when the column is missing or a cell is empty', () => {
    expect(curveOf(parseRocCurve('fpr,tpr\n0,0\n1,1\n')).thresholds).toEqual([NaN, NaN]);
    expect(curveOf(parseRocCurve('fpr,tpr,threshold\n0,0,\n1,1,nan\n')).thresholds).toEqual([
      NaN,
      NaN,
    ]);
  });

  it('names the line of a value outside 0..1 or not a number', () => {
    expect(parseRocCurve('fpr,tpr,threshold\n0,0,inf\n\n1.2,1,0.1\n')).toEqual({
      ok: false,
      line: 4,
      message: 'expected fpr to be a number from 0 to 1, got "1.2"',
    });
    expect(parseRocCurve('fpr,tpr,threshold\r\n0,0,inf\r\n1,-0.5,0.1\r\n')).toEqual({
      ok: false,
      line: 3,
      message: 'expected tpr to be a number from 0 to 1, got "-0.5"',
    });
    expect(parseRocCurve('fpr,tpr,threshold\n0,,inf\n1,1,0.1\n')).toEqual({
      ok: false,
      line: 2,
      message: 'expected tpr to be a number from 0 to 1, got an empty cell',
    });
    expect(parseRocCurve('fpr,tpr,threshold\n0,0,inf\n1,1,high\n')).toEqual({
      ok: false,
      line: 3,
      message: 'expected threshold to be a number (inf allowed) or empty, got "high"',
    });
  });

  it('names a row with the wrong number of values', () => {
    expect(parseRocCurve('fpr,tpr,threshold\n0,0,inf\n1,1\n')).toEqual({
      ok: false,
      line: 3,
      message: 'expected 3 values (fpr, tpr, threshold), got 2',
    });
  });

  it('names a wrong header, duplicate columns, too few points', () => {
    expect(parseRocCurve('precision,recall,threshold\n1,0,0.5\n0.5,1,0.1\n')).toEqual({
      ok: false,
      message:
        'expected a header with columns fpr, tpr, threshold, got "precision,recall,threshold"',
    });
    expect(parseRocCurve('fpr,tpr,threshold,thresholds\n0,0,1,1\n1,1,0,0\n')).toEqual({
      ok: false,
      message: 'expected one "threshold" or "thresholds" column, got 2',
    });
    expect(parseRocCurve('fpr,tpr,threshold\n')).toEqual({
      ok: false,
      message: 'expected rows of fpr, tpr, threshold after the header, got none',
    });
    expect(parseRocCurve('fpr,tpr,threshold\n0,0,inf\n')).toEqual({
      ok: false,
      message: 'expected at least 2 points (rows of fpr, tpr, threshold), got 1',
    });
    expect(parseRocCurve('')).toEqual({
      ok: false,
      message: 'expected a CSV header line, got an empty file',
    });
  });

  it('names an unterminated quote', () => {
    expect(parseRocCurve('fpr,tpr,threshold\n0,0,inf\n"1,1,0.1\n')).toEqual({
      ok: false,
      line: 3,
      message: 'expected a closing quote (") for a quoted cell, got the end of the file',
    });
  });
});

describe('parsePrCurve', () => {
  it('reads the scikit-learn fixture: x = recall, y = precision, last threshold empty', () => {
    const result = parsePrCurve(fixture('pr_curve.csv'));
    const curve = curveOf(result);
    expect(result.ok && result.artifact.format).toBe('pr-curve');
    expect(curve.kind).toBe('pr');
    expect(curve.x).toHaveLength(144);
    expect(curve.y).toHaveLength(144);
    expect(curve.thresholds).toHaveLength(144);
    expect([curve.x[0], curve.y[0], curve.thresholds[0]]).toEqual([
      1, 0.6293706293706294, 4.786036264444696e-23,
    ]);
    expect([curve.x[1], curve.y[1], curve.thresholds[1]]).toEqual([
      1, 0.6338028169014085, 3.999841478865503e-13,
    ]);
    expect([curve.x.at(-2), curve.y.at(-2), curve.thresholds.at(-2)]).toEqual([
      0.011111111111111112, 1, 0.9999994031637236,
    ]);
    expect([curve.x.at(-1), curve.y.at(-1)]).toEqual([0, 1]);
    expect(curve.thresholds.at(-1)).toBeNaN();
    expect(curve.thresholds.filter(Number.isNaN)).toHaveLength(1);
  });

  it('reads a last threshold written as nan (np.append(thresholds, np.nan))', () => {
    const curve = curveOf(
      parsePrCurve('recall,precision,thresholds\n1.0,0.5,0.1\n0.5,1.0,0.8\n0.0,1.0,nan\n'),
    );
    expect(curve).toEqual({
      kind: 'pr',
      x: [1, 0.5, 0],
      y: [0.5, 1, 1],
      thresholds: [0.1, 0.8, NaN],
    });
  });

  it('names the line of a precision outside 0..1', () => {
    expect(parsePrCurve('precision,recall,threshold\n0.5,1,0.1\n1.5,0.5,0.8\n1,0,\n')).toEqual({
      ok: false,
      line: 3,
      message: 'expected precision to be a number from 0 to 1, got "1.5"',
    });
  });

  it('names a wrong header', () => {
    expect(parsePrCurve(fixture('roc_curve.csv'))).toEqual({
      ok: false,
      message:
        'expected a header with columns precision, recall, threshold, got "fpr,tpr,threshold"',
    });
  });
});
