import { describe, expect, it } from 'vitest';
import { parseAs } from '../../../../src/artifacts/detect.ts';
import { parseKerasHistory } from '../../../../src/artifacts/formats/keras-history.ts';
import { parseKerasLog } from '../../../../src/artifacts/formats/keras-log.ts';
import { artifact, points, readArtifact } from '../../../helpers/artifacts.ts';

/** The CSVLogger file Keras would have written for the same run as a history.history dict. */
function asCsvLogger(history: Record<string, number[]>): string {
  const names = Object.keys(history).sort();
  const epochs = history[names[0] ?? '']?.length ?? 0;
  const rows = Array.from({ length: epochs }, (_, epoch) =>
    [epoch, ...names.map((name) => history[name]?.[epoch])].join(','),
  );
  return [['epoch', ...names].join(','), ...rows].join('\r\n') + '\r\n';
}

describe('parseKerasHistory', () => {
  it('reads json.dump(history.history) from a real fit: one series per metric, epochs from 0', () => {
    const result = parseKerasHistory(readArtifact('keras_history.json'));
    const read = artifact(result);
    expect(read.format).toBe('keras-log');
    expect(read.stepName).toBe('epoch');
    expect(read.series?.map((series) => series.name)).toEqual([
      'accuracy',
      'auc',
      'loss',
      'val_accuracy',
      'val_auc',
      'val_loss',
    ]);
    const valAuc = points(result).val_auc ?? [];
    expect(valAuc.map(([epoch]) => epoch)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(valAuc[0]).toEqual([0, 0.8852709531784058]);
    expect(valAuc[7]).toEqual([7, 0.9921329021453857]);
  });

  it('gives exactly the series of the CSVLogger file the same run would have written', () => {
    const history = JSON.parse(readArtifact('keras_history.json')) as Record<string, number[]>;
    const fromJson = artifact(parseKerasHistory(JSON.stringify(history)));
    const fromCsv = artifact(parseKerasLog(asCsvLogger(history)));
    expect(fromJson).toEqual(fromCsv);
  });

  it('reads an EarlyStopping run with a learning-rate schedule and a two-output model', () => {
    const early = parseKerasHistory(readArtifact('keras_history_early_stopping.json'));
    expect(points(early).val_loss).toHaveLength(22);
    expect(points(early).learning_rate?.[0]).toEqual([0, 0.0010000000474974513]);
    const twoOutputs = artifact(parseKerasHistory(readArtifact('keras_history_two_outputs.json')));
    expect(twoOutputs.series?.map((series) => series.name)).toEqual([
      'loss',
      'malignant_accuracy',
      'malignant_loss',
      'radius_loss',
      'radius_mae',
      'val_loss',
      'val_malignant_accuracy',
      'val_malignant_loss',
      'val_radius_loss',
      'val_radius_mae',
    ]);
  });

  it("reads Python's bare NaN and Infinity as missing values, in fit order", () => {
    const result = parseKerasHistory('{"val_loss": [0.5, NaN, 0.4], "loss": [Infinity, 0.6, 0.5]}');
    expect(points(result)).toEqual({
      val_loss: [
        [0, 0.5],
        [1, null],
        [2, 0.4],
      ],
      loss: [
        [0, null],
        [1, 0.6],
        [2, 0.5],
      ],
    });
  });

  it('leaves a list that stopped early without values for the later epochs', () => {
    expect(points(parseKerasHistory('{"loss": [0.5, 0.4, 0.3], "val_loss": [0.6]}'))).toEqual({
      loss: [
        [0, 0.5],
        [1, 0.4],
        [2, 0.3],
      ],
      val_loss: [
        [0, 0.6],
        [1, null],
        [2, null],
      ],
    });
  });

  it('uses an epoch list as written (a pandas export of a resumed run)', () => {
    expect(points(parseKerasHistory('{"epoch": [5, 6], "loss": [0.3, 0.2]}'))).toEqual({
      loss: [
        [5, 0.3],
        [6, 0.2],
      ],
    });
  });

  it('is what format keras-log reads when the file is JSON', () => {
    const text = readArtifact('keras_history.json');
    expect(parseAs('keras-log', text, 'history.json')).toEqual(parseKerasHistory(text));
    expect(parseAs('keras-log', `\uFEFF  ${text}`, 'history.txt')).toEqual(parseKerasHistory(text));
  });

  it('says what is wrong without quoting the file', () => {
    const shape =
      'expected a Keras history object ({"loss": [...], "val_loss": [...]}, one number per epoch)';
    expect(parseKerasHistory('[[0.5, 0.4]]')).toEqual({
      ok: false,
      message: `${shape}, got a list`,
    });
    expect(parseKerasHistory('{}')).toEqual({
      ok: false,
      message: `${shape}, got an empty object`,
    });
    expect(parseKerasHistory('{"loss": [0.5], "val_loss": 0.4}')).toEqual({
      ok: false,
      message: '"val_loss": expected a list with one number per epoch, got 0.4',
    });
    expect(parseKerasHistory('{"loss": [0.5, 0.4, "0.3"]}')).toEqual({
      ok: false,
      message: '"loss" at epoch 2: expected a number or NaN, got "0.3"',
    });
    expect(parseKerasHistory('{"loss": [], "val_loss": []}')).toEqual({
      ok: false,
      message: 'expected one number per epoch, got only empty lists',
    });
  });

  it('gives a JSON syntax error its line, without the excerpt of the file V8 puts in its message', () => {
    expect(parseKerasHistory('{"loss": [0.5,\n 0.4,]}')).toEqual({
      ok: false,
      line: 2,
      message: "expected valid JSON, found an error: Unexpected token ']'",
    });
    const long = '{\n"loss": [0.1, 0.2, 0.3, 0.4],\n"val_loss": [0.1, 0.2, 0.3 0.4],\n"x": [1]}';
    expect(parseKerasHistory(long)).toEqual({
      ok: false,
      line: 3,
      message: "expected valid JSON, found an error: Expected ',' or ']' after array element",
    });
    // V8 gives no position for an unexpected token: its excerpt still tells the line.
    const middle = '{"loss": [0.5, 0.4],\n"val_loss": [0.6, x0.5],\n"auc": [0.9, 0.95]\n}';
    expect(parseKerasHistory(middle)).toEqual({
      ok: false,
      line: 2,
      message: "expected valid JSON, found an error: Unexpected token 'x'",
    });
    expect(parseKerasHistory('{"a": x,\n"loss": [1, 2, 3, 4, 5, 6],\n"auc": [1]}')).toEqual({
      ok: false,
      line: 1,
      message: "expected valid JSON, found an error: Unexpected token 'x'",
    });
    expect(parseKerasHistory('{"loss":\n\n sk_live_0123456789abcdef}')).toEqual({
      ok: false,
      line: 3,
      message: "expected valid JSON, found an error: Unexpected token 's'",
    });
  });
});
