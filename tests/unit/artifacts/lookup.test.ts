import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseAs, type FileFormat } from '../../../src/artifacts/detect.ts';
import { parseMlflowRun } from '../../../src/artifacts/formats/mlflow-run.ts';
import type { Artifact } from '../../../src/artifacts/formats/types.ts';
import {
  availableKeys,
  lookupValue,
  roundForDisplay,
  suggestKeys,
} from '../../../src/artifacts/lookup.ts';
import { ARTIFACTS, artifact, readArtifact, runFolderTexts } from '../../helpers/artifacts.ts';

const RUN_DIR = path.join(
  ARTIFACTS,
  'mlruns',
  '873451918523740582',
  '5f2c0e7a9b7d4c1e8f3a2b6d9c0e1f23',
);

/** Text read the way a metric reads it: format detected from its content. */
function detected(text: string, name = 'values.json'): Artifact {
  const format = detectFormat(text, name);
  if (format === undefined) throw new Error(`${name}: no format detected`);
  return artifact(parseAs(format, text, name));
}

/** A fixture file read the way a metric reads it. */
function fixture(name: string): Artifact {
  return detected(readArtifact(name), name);
}

/** An artifact from text in a given format. */
function parsed(format: FileFormat, text: string, fileName = 'file.csv'): Artifact {
  return artifact(parseAs(format, text, fileName));
}

/** An MLflow run from its files (paths relative to the run folder). */
function mlflowRun(files: Record<string, string>): Artifact {
  return artifact(parseMlflowRun(new Map(Object.entries(files))));
}

const REPORT_KEYS_MESSAGE_TAIL =
  '"macro avg.recall", "macro avg.f1-score", "macro avg.support", "accuracy", "macro avg.precision", "malignant.recall", "benign.recall", "malignant.f1-score", and 9 more';

describe('lookupValue on a scikit-learn classification report', () => {
  const report = fixture('classification_report.json');

  it('follows a dotted path whose parts contain spaces and hyphens', () => {
    expect(lookupValue(report, 'macro avg.f1-score', 'higher')).toEqual({
      ok: true,
      value: 0.9850104821802935,
    });
    expect(lookupValue(report, 'weighted avg.precision', 'higher')).toEqual({
      ok: true,
      value: 0.986013986013986,
    });
    expect(lookupValue(report, 'macro avg.support', 'higher')).toEqual({ ok: true, value: 143 });
  });

  it('reads the bare accuracy and a class entry', () => {
    expect(lookupValue(report, 'accuracy', 'higher')).toEqual({
      ok: true,
      value: 0.986013986013986,
    });
    expect(lookupValue(report, 'malignant.recall', 'higher')).toEqual({
      ok: true,
      value: 0.9811320754716981,
    });
    expect(lookupValue(report, 'benign.support', 'lower')).toEqual({ ok: true, value: 90 });
  });

  it('reads reports keyed by numeric labels, label subsets, multilabel and the text table', () => {
    expect(
      lookupValue(fixture('classification_report_nolabels.json'), '1.recall', 'higher'),
    ).toEqual({ ok: true, value: 0.9888888888888889 });
    expect(
      lookupValue(fixture('iris_report_labels_subset.json'), 'micro avg.f1-score', 'higher'),
    ).toEqual({ ok: true, value: 0.9836065573770492 });
    expect(
      lookupValue(
        fixture('multilabel_classification_report.json'),
        'samples avg.f1-score',
        'higher',
      ),
    ).toEqual({ ok: true, value: 0.7499999999999999 });
    expect(
      lookupValue(fixture('classification_report.txt'), 'macro avg.f1-score', 'higher'),
    ).toEqual({ ok: true, value: 0.99 });
    expect(lookupValue(fixture('iris_classification_report.txt'), 'accuracy', 'higher')).toEqual({
      ok: true,
      value: 0.98,
    });
  });

  it('lists the available keys nearest first for an unknown key', () => {
    expect(lookupValue(report, 'macro avg.f2', 'higher')).toEqual({
      ok: false,
      message: `no "macro avg.f2" in the file; available keys: ${REPORT_KEYS_MESSAGE_TAIL}`,
    });
    expect(lookupValue(report, 'acuracy', 'higher')).toEqual({
      ok: false,
      message:
        'no "acuracy" in the file; available keys: "accuracy", "benign.recall", "macro avg.recall", "benign.support", "malignant.recall", "benign.f1-score", "benign.precision", "macro avg.f1-score", and 9 more',
    });
  });

  it('says a group key is a group and lists its children first', () => {
    expect(lookupValue(report, 'macro avg', 'higher')).toEqual({
      ok: false,
      message:
        '"macro avg" is a group of values, not one number; available keys: "macro avg.recall", "macro avg.support", "macro avg.f1-score", "macro avg.precision", "accuracy", "benign.recall", "malignant.recall", "benign.support", and 9 more',
    });
  });

  it('refuses a selector on a single value', () => {
    expect(lookupValue(report, 'accuracy@best', 'higher')).toEqual({
      ok: false,
      message:
        '"accuracy" is a single value, not a logged series, so @best does not apply; write key: accuracy',
    });
    expect(lookupValue(report, 'macro avg.f1-score@step=1', 'higher')).toEqual({
      ok: false,
      message:
        '"macro avg.f1-score" is a single value, not a logged series, so @step=1 does not apply; write key: macro avg.f1-score',
    });
  });
  it('says a group named with a selector is a group, not that it is missing', () => {
    const result = lookupValue(report, 'macro avg@best', 'higher');
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).not.toContain('no "macro avg" in the file');
    expect(message).toContain('"macro avg" is a group of values');
  });

  it('reports a NaN score (zero_division=np.nan) as having no value', () => {
    const withNaN = parsed(
      'sklearn-report',
      JSON.stringify({
        a: { precision: 1, recall: 0.5, 'f1-score': 0.6666666666666666, support: 2 },
        b: { precision: 0, recall: 0, 'f1-score': 0, support: 0 },
        accuracy: 0.5,
      }).replace('"precision":0,', '"precision":NaN,'),
      'report.json',
    );
    expect(lookupValue(withNaN, 'b.precision', 'higher')).toEqual({
      ok: false,
      message: '"b.precision" has no value in the file (NaN or null)',
    });
    expect(lookupValue(withNaN, 'a.precision', 'higher')).toEqual({ ok: true, value: 1 });
  });
});

describe('lookupValue on plain JSON values', () => {
  const summary = fixture('summary.json');

  it('follows a dotted path into nested objects', () => {
    expect(lookupValue(summary, 'metrics.roc_auc', 'higher')).toEqual({
      ok: true,
      value: 0.9976939203354298,
    });
    expect(lookupValue(summary, 'dataset.n_test', 'higher')).toEqual({ ok: true, value: 143 });
  });

  it('says what a text or boolean value is instead of a number', () => {
    expect(lookupValue(summary, 'metrics.positive_label', 'higher')).toEqual({
      ok: false,
      message: '"metrics.positive_label" is "benign", not a number',
    });
    expect(lookupValue(summary, 'dataset.stratify', 'higher')).toEqual({
      ok: false,
      message: '"dataset.stratify" is true, not a number',
    });
  });

  it("finds nothing in an object's prototype: constructor, toString and __proto__ are not in the file", () => {
    const values = parsed('json', '{"metrics": {"auc": 0.9}}', 'summary.json');
    for (const key of ['constructor', 'metrics.constructor', 'toString', 'metrics.__proto__']) {
      expect(lookupValue(values, key, 'higher')).toEqual({
        ok: false,
        message: `no "${key}" in the file; available keys: "metrics.auc"`,
      });
    }
  });

  it('reports null, NaN and infinite values', () => {
    const values = parsed(
      'json',
      '{"auc": NaN, "loss": null, "big": 1e999, "small": -1e999}',
      'summary.json',
    );
    expect(lookupValue(values, 'auc', 'higher')).toEqual({
      ok: false,
      message: '"auc" has no value in the file (NaN or null)',
    });
    expect(lookupValue(values, 'loss', 'lower')).toEqual({
      ok: false,
      message: '"loss" has no value in the file (NaN or null)',
    });
    expect(lookupValue(values, 'big', 'higher')).toEqual({
      ok: false,
      message: '"big" is Infinity, not a usable number',
    });
    expect(lookupValue(values, 'small', 'higher')).toEqual({
      ok: false,
      message: '"small" is -Infinity, not a usable number',
    });
  });
});

describe('lookupValue on a Keras CSVLogger log', () => {
  const keras = fixture('keras_training.csv');

  it('reads a column as its last epoch', () => {
    expect(lookupValue(keras, 'val_loss', 'lower')).toEqual({
      ok: true,
      value: 0.4398,
      detail: 'last value, epoch 2',
    });
    expect(lookupValue(keras, 'val_accuracy@last', 'higher')).toEqual({
      ok: true,
      value: 0.8166,
      detail: 'last value, epoch 2',
    });
  });

  it('picks @best by the goal: highest for higher, lowest for lower', () => {
    expect(lookupValue(keras, 'val_loss@best', 'lower')).toEqual({
      ok: true,
      value: 0.4398,
      detail: 'best value, at epoch 2',
    });
    expect(lookupValue(keras, 'val_loss@best', 'higher')).toEqual({
      ok: true,
      value: 0.4876,
      detail: 'best value, at epoch 0',
    });
    expect(lookupValue(keras, 'accuracy@best', 'lower')).toEqual({
      ok: true,
      value: 0.7412,
      detail: 'best value, at epoch 0',
    });
  });

  it('takes @min and @max outright, whatever the goal', () => {
    expect(lookupValue(keras, 'val_loss@min', 'higher')).toEqual({
      ok: true,
      value: 0.4398,
      detail: 'lowest value, at epoch 2',
    });
    expect(lookupValue(keras, 'val_loss@max', 'lower')).toEqual({
      ok: true,
      value: 0.4876,
      detail: 'highest value, at epoch 0',
    });
  });

  it('reads @step=N as epoch N (epochs count from 0)', () => {
    expect(lookupValue(keras, 'val_loss@step=1', 'lower')).toEqual({
      ok: true,
      value: 0.4512,
      detail: 'at epoch 1',
    });
    expect(lookupValue(keras, 'accuracy@step=0', 'higher')).toEqual({
      ok: true,
      value: 0.7412,
      detail: 'at epoch 0',
    });
  });

  it('names the logged epochs when @step=N was not logged', () => {
    expect(lookupValue(keras, 'val_loss@step=30', 'lower')).toEqual({
      ok: false,
      message: '"val_loss" has no value at epoch 30 (logged epochs 0 to 2)',
    });
  });

  it('lists the columns nearest first for an unknown column', () => {
    expect(lookupValue(keras, 'val_los', 'lower')).toEqual({
      ok: false,
      message:
        'no "val_los" in the file; available keys: "val_loss", "loss", "accuracy", "val_accuracy"',
    });
    expect(lookupValue(keras, 'val_los@best', 'lower')).toEqual({
      ok: false,
      message:
        'no "val_los" in the file; available keys: "val_loss", "loss", "accuracy", "val_accuracy"',
    });
  });

  it('skips NA cells: the last value is the last number, a NA step has no value', () => {
    const log = parsed(
      'keras-log',
      'epoch,loss,val_loss,val_auc\r\n0,0.5,0.45,NA\r\n1,0.4,NA,NA\r\n',
      'training.csv',
    );
    expect(lookupValue(log, 'val_loss', 'lower')).toEqual({
      ok: true,
      value: 0.45,
      detail: 'last value, epoch 0',
    });
    expect(lookupValue(log, 'val_loss@step=1', 'lower')).toEqual({
      ok: false,
      message: '"val_loss" has no value at epoch 1 (logged epochs 0 to 0)',
    });
    expect(lookupValue(log, 'val_auc', 'higher')).toEqual({
      ok: false,
      message: '"val_auc" has no numeric values (all NaN or missing)',
    });
  });
});

describe('lookupValue on a Keras history saved with json.dump(history.history)', () => {
  const history = fixture('keras_history.json');

  it('reads a metric as its last epoch, counted from 0 like the CSVLogger epoch column', () => {
    expect(lookupValue(history, 'val_auc', 'higher')).toEqual({
      ok: true,
      value: 0.9921329021453857,
      detail: 'last value, epoch 7',
    });
    expect(lookupValue(history, 'val_loss@last', 'lower')).toEqual({
      ok: true,
      value: 0.19247150421142578,
      detail: 'last value, epoch 7',
    });
  });

  it('picks @best by the goal: highest AUC, lowest loss', () => {
    expect(lookupValue(history, 'val_auc@best', 'higher')).toEqual({
      ok: true,
      value: 0.9921329021453857,
      detail: 'best value, at epoch 6',
    });
    expect(lookupValue(history, 'val_loss@best', 'lower')).toEqual({
      ok: true,
      value: 0.19247150421142578,
      detail: 'best value, at epoch 7',
    });
    expect(lookupValue(history, 'val_loss@best', 'higher')).toEqual({
      ok: true,
      value: 0.4617574214935303,
      detail: 'best value, at epoch 0',
    });
    expect(lookupValue(history, 'val_auc@min', 'higher')).toEqual({
      ok: true,
      value: 0.8852709531784058,
      detail: 'lowest value, at epoch 0',
    });
  });

  it('reads @epoch=N and @step=N as the Nth list item from 0', () => {
    const third = { ok: true, value: 0.9901660680770874, detail: 'at epoch 3' };
    expect(lookupValue(history, 'val_auc@epoch=3', 'higher')).toEqual(third);
    expect(lookupValue(history, 'val_auc@step=3', 'higher')).toEqual(third);
    expect(lookupValue(history, 'val_auc@epoch=0', 'higher')).toEqual({
      ok: true,
      value: 0.8852709531784058,
      detail: 'at epoch 0',
    });
  });

  it('names the logged epochs when @epoch=N is past the end (8 epochs are 0 to 7)', () => {
    expect(lookupValue(history, 'val_auc@epoch=8', 'higher')).toEqual({
      ok: false,
      message: '"val_auc" has no value at epoch 8 (logged epochs 0 to 7)',
    });
  });

  it('lists the metrics, nearest first, for an unknown one', () => {
    expect(lookupValue(history, 'val_acc@best', 'higher')).toEqual({
      ok: false,
      message:
        'no "val_acc" in the file; available keys: "val_accuracy", "val_auc", "val_loss", "auc", "accuracy", "loss"',
    });
  });

  it('refuses @epoch=N where steps are not epochs, and says what to write', () => {
    const run = artifact(parseMlflowRun(runFolderTexts(RUN_DIR)));
    expect(lookupValue(run, 'val_auc@epoch=1', 'higher')).toEqual({
      ok: false,
      message:
        '"val_auc" is logged by step, not by epoch, so @epoch=1 does not apply; write key: val_auc@step=1',
    });
  });
});

describe('lookupValue on JSON lists that are not a Keras history', () => {
  // Without a loss list, detection reads the file as plain JSON values.
  const text = '{"acc": [0.5, 0.6], "val_acc": [0.4, 0.5], "note": [0.1]}';

  it('says a list is not one number, and how to read it per epoch', () => {
    const values = detected(text);
    expect(values.format).toBe('json');
    expect(lookupValue(values, 'val_acc@best', 'higher')).toEqual({
      ok: false,
      message:
        '"val_acc" is a list of 2 values, not one number; if it holds one value per epoch, set format: keras-log to read the file as a Keras history (key: val_acc@best, @last or @epoch=N)',
    });
    expect(lookupValue(values, 'note', 'higher')).toEqual({
      ok: false,
      message:
        '"note" is a list of 1 value, not one number; if it holds one value per epoch, set format: keras-log to read the file as a Keras history (key: note@best, @last or @epoch=N)',
    });
    expect(lookupValue(parsed('keras-log', text, 'h.json'), 'val_acc@best', 'higher')).toEqual({
      ok: true,
      value: 0.5,
      detail: 'best value, at epoch 1',
    });
  });

  it('never ends a message on an empty list of keys', () => {
    expect(lookupValue(detected('{"run": "gentle-owl"}'), 'auc', 'higher')).toEqual({
      ok: false,
      message: 'no "auc" in the file; the file holds no single number a key can name',
    });
    expect(lookupValue(detected('{"run": {"name": "owl"}}'), 'run', 'higher')).toEqual({
      ok: false,
      message:
        '"run" is a group of values, not one number; the file holds no single number a key can name',
    });
  });
});

describe('lookupValue on other logged formats', () => {
  it('reads trainer_state.json top-level values and logged metrics', () => {
    const state = fixture('trainer_state.json');
    expect(lookupValue(state, 'best_metric', 'higher')).toEqual({ ok: true, value: 0.9112 });
    expect(lookupValue(state, 'eval_accuracy', 'higher')).toEqual({
      ok: true,
      value: 0.9112,
      detail: 'last value, step 750',
    });
    expect(lookupValue(state, 'eval_loss@best', 'lower')).toEqual({
      ok: true,
      value: 0.2744,
      detail: 'best value, at step 500',
    });
    expect(lookupValue(state, 'loss@step=500', 'lower')).toEqual({
      ok: true,
      value: 0.2719,
      detail: 'at step 500',
    });
    expect(lookupValue(state, 'best_metric@max', 'higher')).toEqual({
      ok: false,
      message:
        '"best_metric" is a single value, not a logged series, so @max does not apply; write key: best_metric',
    });
  });

  it('skips a NaN logged value (grad_norm at step 500) and reports null and text values', () => {
    const state = fixture('trainer_state.json');
    expect(lookupValue(state, 'grad_norm', 'lower')).toEqual({
      ok: true,
      value: 2.087,
      detail: 'last value, step 750',
    });
    expect(lookupValue(state, 'grad_norm@step=500', 'lower')).toEqual({
      ok: false,
      message: '"grad_norm" has no value at step 500 (logged steps 250 to 750)',
    });
    expect(lookupValue(state, 'trial_name', 'higher')).toEqual({
      ok: false,
      message: '"trial_name" has no value in the file (NaN or null)',
    });
    expect(lookupValue(state, 'best_model_checkpoint', 'higher')).toEqual({
      ok: false,
      message: '"best_model_checkpoint" is "out/checkpoint-750", not a number',
    });
  });

  it('reads a TensorBoard tag with full float32 precision', () => {
    const board = fixture('run-train-tag-epoch_loss.csv');
    expect(lookupValue(board, 'epoch_loss', 'lower')).toEqual({
      ok: true,
      value: 0.41019999980926514,
      detail: 'last value, step 400',
    });
    expect(lookupValue(board, 'epoch_loss@step=200', 'lower')).toEqual({
      ok: true,
      value: 0.521399974822998,
      detail: 'at step 200',
    });
  });

  it('reads W&B history and panel columns, / included', () => {
    const history = fixture('wandb_history_api.csv');
    expect(lookupValue(history, 'val/loss', 'lower')).toEqual({
      ok: true,
      value: 0.4512,
      detail: 'last value, step 2',
    });
    expect(lookupValue(history, 'val/accuracy@step=0', 'higher')).toEqual({
      ok: false,
      message: '"val/accuracy" has no value at step 0 (logged steps 1 to 2)',
    });
    const panel = fixture('wandb_panel_export.csv');
    expect(lookupValue(panel, 'val/loss@max', 'lower')).toEqual({
      ok: true,
      value: 0.5012,
      detail: 'highest value, at step 1',
    });
  });
});

describe('lookupValue on an MLflow run', () => {
  const run = artifact(parseMlflowRun(runFolderTexts(RUN_DIR)));

  it('reads metric keys with a selector, / included', () => {
    expect(lookupValue(run, 'val_auc@best', 'higher')).toEqual({
      ok: true,
      value: 0.8412,
      detail: 'best value, at step 2',
    });
    expect(lookupValue(run, 'val/loss@best', 'lower')).toEqual({
      ok: true,
      value: 0.4471,
      detail: 'best value, at step 2',
    });
    expect(lookupValue(run, 'val/loss@best', 'higher')).toEqual({
      ok: true,
      value: 0.49,
      detail: 'best value, at step 0',
    });
    expect(lookupValue(run, 'train_loss@step=1', 'lower')).toEqual({
      ok: true,
      value: 0.441,
      detail: 'at step 1',
    });
  });

  it('reads a plain metric key from its series: the last value, with its step', () => {
    expect(lookupValue(run, 'val_auc', 'higher')).toEqual({
      ok: true,
      value: 0.8412,
      detail: 'last value, step 2',
    });
    expect(lookupValue(run, 'val/loss', 'lower')).toEqual({
      ok: true,
      value: 0.4471,
      detail: 'last value, step 2',
    });
  });

  it('finds a metric key containing dots whole (val.auc)', () => {
    const dotted = mlflowRun({
      'meta.yaml': 'run_id: r2\nstatus: 3\n',
      'metrics/val.auc': '1718035505000 0.8 0\n1718035511000 0.9 1\n1718035517000 0.85 2\n',
    });
    expect(lookupValue(dotted, 'val.auc', 'higher')).toEqual({
      ok: true,
      value: 0.85,
      detail: 'last value, step 2',
    });
    expect(lookupValue(dotted, 'val.auc@best', 'higher')).toEqual({
      ok: true,
      value: 0.9,
      detail: 'best value, at step 1',
    });
    expect(lookupValue(dotted, 'val.auc@step=0', 'higher')).toEqual({
      ok: true,
      value: 0.8,
      detail: 'at step 0',
    });
  });

  it('reads a plain metric key past a trailing nan, as @last does', () => {
    const diverged = mlflowRun({
      'meta.yaml': 'run_id: r3\nstatus: 3\n',
      'metrics/val_loss': '1718035505000 0.5 0\n1718035511000 0.455 1\n1718035517000 nan 2\n',
    });
    expect(lookupValue(diverged, 'val_loss@last', 'lower')).toEqual({
      ok: true,
      value: 0.455,
      detail: 'last value, step 1',
    });
    expect(lookupValue(diverged, 'val_loss', 'lower')).toEqual({
      ok: true,
      value: 0.455,
      detail: 'last value, step 1',
    });
  });
});

describe('availableKeys', () => {
  it('lists every numeric leaf of the values in file order', () => {
    expect(availableKeys(fixture('classification_report.json'))).toEqual([
      'malignant.precision',
      'malignant.recall',
      'malignant.f1-score',
      'malignant.support',
      'benign.precision',
      'benign.recall',
      'benign.f1-score',
      'benign.support',
      'accuracy',
      'macro avg.precision',
      'macro avg.recall',
      'macro avg.f1-score',
      'macro avg.support',
      'weighted avg.precision',
      'weighted avg.recall',
      'weighted avg.f1-score',
      'weighted avg.support',
    ]);
  });

  it('lists series names after the values, each once', () => {
    expect(availableKeys(fixture('keras_training.csv'))).toEqual([
      'accuracy',
      'loss',
      'val_accuracy',
      'val_loss',
    ]);
    const keys = availableKeys(fixture('trainer_state.json'));
    expect(keys.filter((key) => key === 'total_flos')).toEqual(['total_flos']);
    expect(keys.slice(0, 3)).toEqual(['best_global_step', 'best_metric', 'epoch']);
    expect(keys.at(-1)).toBe('train_steps_per_second');
    expect(keys).toHaveLength(24);
  });
});

describe('suggestKeys', () => {
  it('orders keys by edit distance, case-insensitively', () => {
    expect(suggestKeys('Val_Los', ['accuracy', 'loss', 'val_loss'])).toBe(
      '"val_loss", "loss", "accuracy"',
    );
  });

  it('puts keys under the one asked for first, even when farther', () => {
    expect(suggestKeys('macro avg', ['macro', 'macro avg.precision', 'macro avg.recall'])).toBe(
      '"macro avg.recall", "macro avg.precision", "macro"',
    );
  });

  it('shows at most `limit` keys and counts the rest', () => {
    expect(suggestKeys('a', ['a1', 'a2', 'a3', 'a4'], 2)).toBe('"a1", "a2", and 2 more');
    expect(suggestKeys('a', ['a1', 'a2'], 2)).toBe('"a1", "a2"');
  });
});

describe('roundForDisplay', () => {
  it('keeps four significant digits', () => {
    expect(roundForDisplay(0.981117230527144)).toBe(0.9811);
    expect(roundForDisplay(0.9850104821802935)).toBe(0.985);
    expect(roundForDisplay(0.41019999980926514)).toBe(0.4102);
    expect(roundForDisplay(1234.5678)).toBe(1235);
    expect(roundForDisplay(-0.4876543)).toBe(-0.4877);
  });

  it('rounds values from 10,000 up to whole numbers instead of losing digits', () => {
    expect(roundForDisplay(12345.6)).toBe(12346);
    expect(roundForDisplay(-12345.6)).toBe(-12346);
    expect(roundForDisplay(123456.7)).toBe(123457);
  });

  it('leaves 0 and non-finite values alone', () => {
    expect(roundForDisplay(0)).toBe(0);
    expect(roundForDisplay(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(roundForDisplay(Number.NaN)).toBeNaN();
  });
});
