import { describe, expect, it } from 'vitest';
import { detectFormat, parseAs } from '../../../src/artifacts/detect.ts';
import { artifact, readArtifact } from '../../helpers/artifacts.ts';

describe('detectFormat on the fixture artifacts', () => {
  it.each([
    ['classification_report.json', 'sklearn-report'],
    ['classification_report_nolabels.json', 'sklearn-report'],
    ['iris_classification_report.json', 'sklearn-report'],
    ['iris_report_labels_subset.json', 'sklearn-report'],
    ['multilabel_classification_report.json', 'sklearn-report'],
    ['classification_report.txt', 'sklearn-report'],
    ['iris_classification_report.txt', 'sklearn-report'],
    ['confusion_matrix.json', 'confusion-matrix'],
    ['iris_confusion_matrix.json', 'confusion-matrix'],
    ['confusion_matrix.csv', 'confusion-matrix'],
    ['roc_curve.csv', 'roc-curve'],
    ['roc_curve_full.csv', 'roc-curve'],
    ['pr_curve.csv', 'pr-curve'],
    ['keras_training.csv', 'keras-log'],
    ['keras_history.json', 'keras-log'],
    ['keras_history_early_stopping.json', 'keras-log'],
    ['keras_history_two_outputs.json', 'keras-log'],
    ['run-train-tag-epoch_loss.csv', 'tensorboard-csv'],
    ['trainer_state.json', 'hf-trainer-state'],
    ['summary.json', 'json'],
    ['wandb_history_api.csv', 'wandb-history'],
    ['wandb_panel_export.csv', 'wandb-panel'],
  ])('%s is %s', (name, format) => {
    expect(detectFormat(readArtifact(name), name)).toBe(format);
  });

  it('detects from the content, not the file name', () => {
    expect(detectFormat(readArtifact('roc_curve.csv'), 'data.csv')).toBe('roc-curve');
    expect(detectFormat(readArtifact('keras_training.csv'), 'training.log')).toBe('keras-log');
    expect(detectFormat(readArtifact('keras_history.json'), 'history.txt')).toBe('keras-log');
    expect(detectFormat(readArtifact('trainer_state.json'), 'state.json')).toBe('hf-trainer-state');
    expect(detectFormat(readArtifact('classification_report.json'), 'results.txt')).toBe(
      'sklearn-report',
    );
  });
});

describe('detectFormat on CSV headers', () => {
  it('reads a CSV whose first column is epoch as a Keras log, whatever the separator or quoting', () => {
    expect(detectFormat('epoch,loss,val_loss\n0,0.5,0.45\n', 'history.csv')).toBe('keras-log');
    expect(detectFormat('epoch;loss\r\n0;0.5\r\n', 'history.csv')).toBe('keras-log');
    expect(detectFormat('epoch\tloss\n0\t0.5\n', 'history.tsv')).toBe('keras-log');
    expect(detectFormat('"epoch","loss"\n0,0.5\n', 'history.csv')).toBe('keras-log');
    expect(detectFormat('\uFEFFepoch,loss\n0,0.5\n', 'history.csv')).toBe('keras-log');
    // A leading epoch column wins over fpr/tpr columns after it.
    expect(detectFormat('epoch,fpr,tpr\n0,0,0\n', 'history.csv')).toBe('keras-log');
    // Even a table that is not a Keras log: charts fall back to a plain table when it fails.
    expect(detectFormat('epoch,model,auc\n1,Rules,0.78\n', 'models.csv')).toBe('keras-log');
  });

  it('reads a plain data table as no artifact format', () => {
    expect(detectFormat('model,auc\nRules,0.78\nXGBoost,0.91\n', 'models.csv')).toBeUndefined();
    expect(detectFormat('step,loss\n1,0.5\n2,0.4\n', 'history.csv')).toBeUndefined();
    expect(detectFormat('1,2,3\n4,5,6\n', 'numbers.csv')).toBeUndefined();
    expect(detectFormat('x\n1\n', 'one.csv')).toBeUndefined();
    expect(detectFormat('', 'empty.csv')).toBeUndefined();
  });

  it('reads the TensorBoard and W&B headers', () => {
    expect(detectFormat('Wall time,Step,Value\r\n1.5,100,0.69\r\n', 'export.csv')).toBe(
      'tensorboard-csv',
    );
    expect(detectFormat(',_step,_runtime,loss\n0,0,1.2,0.5\n', 'history.csv')).toBe(
      'wandb-history',
    );
    expect(
      detectFormat('"Step","run-a - loss","run-b - loss"\n"1","0.5","0.6"\n', 'panel.csv'),
    ).toBe('wandb-panel');
  });
  it('reads a W&B history re-saved by pandas (Unnamed: 0 index column)', () => {
    const text = 'Unnamed: 0,_step,_runtime,_timestamp,loss\n0,0,12.4,1718035512.4,0.69\n';
    expect(parseAs('wandb-history', text, 'history.csv').ok).toBe(true);
    expect(detectFormat(text, 'history.csv')).toBe('wandb-history');
  });

  it('reads ROC and PR curves, a pandas index column included', () => {
    expect(detectFormat('fpr,tpr,threshold\n0,0,inf\n1,1,0\n', 'roc.csv')).toBe('roc-curve');
    expect(detectFormat(',fpr,tpr,threshold\n0,0,0,inf\n1,1,1,0\n', 'roc.csv')).toBe('roc-curve');
    expect(detectFormat('precision,recall,threshold\n0.6,1,0.1\n1,0,\n', 'pr.csv')).toBe(
      'pr-curve',
    );
  });

  it('reads the scikit-learn text report by its header line', () => {
    expect(
      detectFormat(
        '\n              precision    recall  f1-score   support\n\n           0       0.98      0.98      0.98        53\n',
        'report.txt',
      ),
    ).toBe('sklearn-report');
  });

  it('reads the text report after what a log printed before it', () => {
    const log = `Epoch 10/10 done\nTest set:\n${readArtifact('wine_report_digits4.txt')}`;
    expect(detectFormat(log, 'train_output.txt')).toBe('sklearn-report');
    expect(detectFormat('precision recall f1-score support for the test set\n', 'notes.txt')).toBe(
      undefined,
    );
  });
});

describe('detectFormat on confusion-matrix CSVs', () => {
  it('reads a square of numbers from np.savetxt, with separators or spaces', () => {
    expect(detectFormat('52,1\n1,89\n', 'cm.csv')).toBe('confusion-matrix');
    expect(
      detectFormat(
        '5.200000000000000000e+01 1.000000000000000000e+00\n1.000000000000000000e+00 8.900000000000000000e+01\n',
        'cm.txt',
      ),
    ).toBe('confusion-matrix');
    expect(detectFormat('15\t0\t0\n0\t15\t0\n0\t1\t14\n', 'cm.tsv')).toBe('confusion-matrix');
  });

  it('reads a pandas to_csv matrix labelled with class names', () => {
    expect(detectFormat(',malignant,benign\nmalignant,52,1\nbenign,1,89\n', 'cm.csv')).toBe(
      'confusion-matrix',
    );
    expect(
      detectFormat('true\\pred,malignant,benign\r\nmalignant,52,1\r\nbenign,1,89\r\n', 'cm.csv'),
    ).toBe('confusion-matrix');
  });

  it('does not read a 2 x 2 table under a header of column names as a matrix', () => {
    expect(detectFormat('a,b\n1,2\n3,4\n', 'table.csv')).toBeUndefined();
    expect(detectFormat('loss,val_loss\n0.5,0.45\n0.4,0.42\n', 'table.csv')).toBeUndefined();
  });

  it('does not read a non-square block of numbers or a pandas data table with its index as a matrix', () => {
    expect(detectFormat('1,2,3\n4,5,6\n', 'numbers.csv')).toBeUndefined();
    expect(detectFormat(',loss,acc\n0,0.5,0.9\n1,0.4,0.95\n', 'history.csv')).toBeUndefined();
  });
  it('does not read a 2 x 2 table with a label column and a text header as a matrix', () => {
    expect(detectFormat('model,wins,losses\nRules,3,1\nXGBoost,2,2\n', 'wins.csv')).toBeUndefined();
  });
  it('reads a pandas to_csv matrix with numeric class labels', () => {
    const text = ',0,1\n0,52,1\n1,1,89\n';
    expect(parseAs('confusion-matrix', text, 'cm.csv').ok).toBe(true);
    expect(detectFormat(text, 'cm.csv')).toBe('confusion-matrix');
  });
});

describe('detectFormat on JSON', () => {
  it('tells the JSON artifacts apart by their keys', () => {
    expect(detectFormat('{"log_history": [], "best_metric": null}', 'x.json')).toBe(
      'hf-trainer-state',
    );
    expect(detectFormat('{"labels": ["a", "b"], "matrix": [[1, 0], [0, 1]]}', 'x.json')).toBe(
      'confusion-matrix',
    );
    expect(
      detectFormat(
        '{"0": {"precision": 1.0, "recall": 1.0, "f1-score": 1.0, "support": 3}, "accuracy": 1.0}',
        'x.json',
      ),
    ).toBe('sklearn-report');
    expect(detectFormat('{"metrics": {"auc": NaN}, "n": 3}', 'x.json')).toBe('json');
    expect(detectFormat('{}', 'x.json')).toBe('json');
  });

  it('reads a nested array as a confusion matrix and a list of rows as a plain table', () => {
    expect(detectFormat('[[52, 1], [1, 89]]', 'cm.json')).toBe('confusion-matrix');
    expect(detectFormat('  \n[[52, 1], [1, 89]]', 'cm.txt')).toBe('confusion-matrix');
    expect(
      detectFormat('[{"epoch": 1, "loss": 0.5}, {"epoch": 2, "loss": 0.4}]', 'rows.json'),
    ).toBeUndefined();
    expect(detectFormat('[1, 2]', 'list.json')).toBeUndefined();
  });

  it('reads json.dump(history.history) as a Keras log: lists of numbers, a loss among them', () => {
    expect(detectFormat('{"loss": [0.5, 0.4], "val_loss": [0.6, NaN]}', 'h.json')).toBe(
      'keras-log',
    );
    expect(detectFormat('{"val_auc": [0.8], "out_loss": [0.5, 0.4]}', 'h.json')).toBe('keras-log');
    expect(detectFormat('\uFEFF{"loss": [0.5]}', 'h.json')).toBe('keras-log');
  });

  it('does not take other JSON for a Keras history', () => {
    // The other JSON artifacts keep their formats, loss keys or not.
    expect(detectFormat(readArtifact('trainer_state.json'), 'x.json')).toBe('hf-trainer-state');
    expect(detectFormat('{"log_history": [], "loss": [0.5]}', 'x.json')).toBe('hf-trainer-state');
    expect(detectFormat('{"matrix": [[52, 1], [1, 89]], "loss": [0.5]}', 'x.json')).toBe(
      'confusion-matrix',
    );
    expect(detectFormat(readArtifact('classification_report.json'), 'x.json')).toBe(
      'sklearn-report',
    );
    expect(detectFormat('[{"epoch": 0, "loss": 0.5}, {"epoch": 1, "loss": 0.4}]', 'x.json')).toBe(
      undefined,
    );
    expect(detectFormat('[[0.5, 0.4], [0.3, 0.2]]', 'x.json')).toBe('confusion-matrix');
    // Lists of numbers without a loss (a ROC curve as a dict), a loss that is one
    // number, a list holding text, empty lists: plain JSON values.
    expect(detectFormat('{"fpr": [0, 0.5, 1], "tpr": [0, 0.9, 1]}', 'roc.json')).toBe('json');
    expect(detectFormat('{"loss": 0.3, "auc": 0.9}', 'x.json')).toBe('json');
    expect(detectFormat('{"loss": [0.5], "run": "gentle-owl"}', 'x.json')).toBe('json');
    expect(detectFormat('{"loss": [0.5, "n/a"]}', 'x.json')).toBe('json');
    expect(detectFormat('{"loss": []}', 'x.json')).toBe('json');
    expect(detectFormat('{"loss": [[0.5]]}', 'x.json')).toBe('json');
  });

  it('lets the file name break the tie for JSON that does not parse', () => {
    expect(detectFormat('{"auc": 0.9,\n', 'summary.json')).toBe('json');
    expect(detectFormat('{"auc": 0.9,\n', 'summary.txt')).toBeUndefined();
  });
});

describe('parseAs', () => {
  it('reads a confusion matrix as JSON or CSV by the file extension', () => {
    expect(parseAs('confusion-matrix', '[[52, 1], [1, 89]]', 'cm.JSON')).toEqual({
      ok: true,
      artifact: {
        format: 'confusion-matrix',
        matrix: {
          counts: [
            [52, 1],
            [1, 89],
          ],
        },
      },
    });
    expect(parseAs('confusion-matrix', '52,1\n1,89\n', 'cm.csv')).toEqual({
      ok: true,
      artifact: {
        format: 'confusion-matrix',
        matrix: {
          counts: [
            [52, 1],
            [1, 89],
          ],
        },
      },
    });
    expect(parseAs('confusion-matrix', '[[52, 1], [1, 89]]', 'cm.csv').ok).toBe(false);
  });

  it('names a TensorBoard series and run from the file name', () => {
    const board = artifact(
      parseAs(
        'tensorboard-csv',
        readArtifact('run-train-tag-epoch_loss.csv'),
        'run-train-tag-epoch_loss.csv',
      ),
    );
    expect(board.series?.map((series) => series.name)).toEqual(['epoch_loss']);
    expect(board.run).toEqual({ name: 'train' });
  });

  it('reads each format with its own importer', () => {
    expect(artifact(parseAs('keras-log', readArtifact('keras_training.csv'), 'k.csv')).format).toBe(
      'keras-log',
    );
    expect(artifact(parseAs('json', readArtifact('classification_report.json'), 'r.json'))).toEqual(
      { format: 'json', values: JSON.parse(readArtifact('classification_report.json')) },
    );
    expect(
      artifact(parseAs('wandb-panel', readArtifact('wandb_panel_export.csv'), 'p.csv')).run,
    ).toEqual({ name: 'gentle-owl-42' });
  });

  it('reports a file that is not in the format asked for', () => {
    expect(parseAs('roc-curve', readArtifact('keras_training.csv'), 'k.csv')).toEqual({
      ok: false,
      message:
        'expected a header with columns fpr, tpr, threshold, got "epoch,accuracy,loss,val_accuracy,val_loss"',
    });
    expect(parseAs('json', '[1]', 'x.json')).toEqual({
      ok: false,
      message: 'expected a JSON object of named values, got a list or a single value',
    });
  });
});
