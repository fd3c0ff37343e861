import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKerasLog } from '../../../../src/artifacts/formats/keras-log.ts';
import { ARTIFACTS, artifact, points } from '../../../helpers/artifacts.ts';

describe('parseKerasLog', () => {
  it('reads the CSVLogger fixture: CRLF lines, alphabetical columns, epochs from 0', () => {
    const text = fs.readFileSync(path.join(ARTIFACTS, 'keras_training.csv'), 'utf8');
    expect(text).toContain('\r\n');
    const result = parseKerasLog(text);
    expect(artifact(result).format).toBe('keras-log');
    expect(artifact(result).stepName).toBe('epoch');
    expect(artifact(result).series?.map((series) => series.name)).toEqual([
      'accuracy',
      'loss',
      'val_accuracy',
      'val_loss',
    ]);
    expect(points(result)).toEqual({
      accuracy: [
        [0, 0.7412],
        [1, 0.8127],
        [2, 0.839],
      ],
      loss: [
        [0, 0.5519],
        [1, 0.432],
        [2, 0.3871],
      ],
      val_accuracy: [
        [0, 0.7833],
        [1, 0.8083],
        [2, 0.8166],
      ],
      val_loss: [
        [0, 0.4876],
        [1, 0.4512],
        [2, 0.4398],
      ],
    });
  });

  it('keeps the epoch as written (0-based, or resumed from initial_epoch)', () => {
    expect(points(parseKerasLog('epoch,loss\n0,0.5\n1,0.4\n')).loss).toEqual([
      [0, 0.5],
      [1, 0.4],
    ]);
    expect(points(parseKerasLog('epoch,loss\n5,0.3\n6,0.2\n')).loss).toEqual([
      [5, 0.3],
      [6, 0.2],
    ]);
  });

  it('reads LF-only files and ignores a byte-order mark and blank lines', () => {
    expect(points(parseKerasLog('\uFEFFepoch,loss\n0,0.5\n\n1,0.4\n\n'))).toEqual({
      loss: [
        [0, 0.5],
        [1, 0.4],
      ],
    });
  });

  it('sniffs a ; separator', () => {
    const result = parseKerasLog('epoch;loss;val_loss\r\n0;0.5;0.6\r\n1;0.4;0.55\r\n');
    expect(points(result)).toEqual({
      loss: [
        [0, 0.5],
        [1, 0.4],
      ],
      val_loss: [
        [0, 0.6],
        [1, 0.55],
      ],
    });
  });

  it('sniffs a tab separator', () => {
    const result = parseKerasLog('epoch\taccuracy\tloss\r\n0\t0.7\t0.5\r\n');
    expect(points(result)).toEqual({ accuracy: [[0, 0.7]], loss: [[0, 0.5]] });
  });

  it('reads NA (and empty, nan, inf) as null points', () => {
    const result = parseKerasLog(
      'epoch,loss,val_loss\r\n0,0.5,NA\r\n1,0.4,\r\n2,nan,0.6\r\n3,inf,-inf\r\n4,0.3,0.5\r\n',
    );
    expect(points(result)).toEqual({
      loss: [
        [0, 0.5],
        [1, 0.4],
        [2, null],
        [3, null],
        [4, 0.3],
      ],
      val_loss: [
        [0, null],
        [1, null],
        [2, 0.6],
        [3, null],
        [4, 0.5],
      ],
    });
  });

  it('keeps a learning_rate column (Keras 3) and an lr column (older tf.keras) under their own names', () => {
    const modern = parseKerasLog('epoch,learning_rate,loss\r\n0,0.001,0.5\r\n1,0.0005,0.4\r\n');
    expect(points(modern).learning_rate).toEqual([
      [0, 0.001],
      [1, 0.0005],
    ]);
    const older = parseKerasLog('epoch,loss,lr\r\n0,0.5,1e-03\r\n1,0.4,5e-04\r\n');
    expect(artifact(older).series?.map((series) => series.name)).toEqual(['loss', 'lr']);
    expect(points(older).lr).toEqual([
      [0, 0.001],
      [1, 0.0005],
    ]);
  });

  it('names the line and column of a non-numeric cell', () => {
    const text =
      'epoch,loss,val_loss\r\n0,0.5,0.6\r\n1,0.5,0.6\r\n2,0.5,0.6\r\n3,0.5,0.6\r\n4,0.5,0.6\r\n5,0.4,abc\r\n';
    expect(parseKerasLog(text)).toEqual({
      ok: false,
      line: 7,
      message: 'column "val_loss": expected a number or NA, got "abc"',
    });
  });

  it('counts blank lines when naming a line', () => {
    expect(parseKerasLog('epoch,loss\n\n0,x\n')).toEqual({
      ok: false,
      line: 3,
      message: 'column "loss": expected a number or NA, got "x"',
    });
  });

  it('lists the header found when there is no epoch column', () => {
    expect(parseKerasLog('step,loss,val_loss\r\n0,0.5,0.6\r\n')).toEqual({
      ok: false,
      line: 1,
      message:
        'expected a Keras CSVLogger header with an "epoch" column (such as "epoch,accuracy,loss"), found "step, loss, val_loss"',
    });
  });

  it('reports a non-numeric epoch, a ragged row, a repeated column, no rows and an empty file', () => {
    expect(parseKerasLog('epoch,loss\r\n0,0.5\r\nNA,0.4\r\n')).toEqual({
      ok: false,
      line: 3,
      message: 'column "epoch": expected an epoch number, got "NA"',
    });
    expect(parseKerasLog('epoch,loss,val_loss\r\n0,0.5\r\n')).toEqual({
      ok: false,
      line: 2,
      message: 'expected 3 cells like the header (epoch, loss, val_loss), found 2',
    });
    expect(parseKerasLog('epoch,loss,loss\r\n0,0.5,0.5\r\n')).toEqual({
      ok: false,
      line: 1,
      message: 'expected each column once in the header, found "loss" twice',
    });
    expect(parseKerasLog('epoch,loss\r\n')).toEqual({
      ok: false,
      line: 2,
      message: 'expected one row per epoch after the header, found none',
    });
    expect(parseKerasLog('')).toEqual({
      ok: false,
      line: 1,
      message:
        'expected a Keras CSVLogger header such as "epoch,accuracy,loss", found an empty file',
    });
  });

  it('reports an unclosed quote, such as a list value cut short', () => {
    const result = parseKerasLog('epoch,loss,weights\r\n0,0.5,"[0.1, 0.2\r\n1,0.4,x\r\n');
    expect(result).toEqual({
      ok: false,
      line: 2,
      message:
        'expected every opening quote (") to be closed on the same line, found one left open',
    });
  });
});
