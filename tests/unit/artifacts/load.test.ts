import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACT_FORMATS } from '../../../src/schemas/artifact-formats.ts';
import { loadArtifact, type LoadedArtifact } from '../../../src/artifacts/load.ts';
import {
  MAX_CSV_CELL_CHARS,
  MAX_CSV_ROWS,
  MAX_DATA_FILE_BYTES,
  MAX_RUN_FOLDER_FILES,
} from '../../../src/files/size-limit.ts';
import { readArtifact, artifactSite } from '../../helpers/artifacts.ts';

const EXPERIMENT_ID = '873451918523740582';
const RUN_ID = '5f2c0e7a9b7d4c1e8f3a2b6d9c0e1f23';
const RUN = `./mlruns/${EXPERIMENT_ID}/${RUN_ID}`;

/**
 * A temporary project: content/case-studies/x/index.mdx with every fixture artifact
 * (mlruns/ included) beside it, plus `files` (paths relative to the case-study folder).
 */
function site(files: Record<string, string> = {}) {
  const made = artifactSite(files);
  const load = (written: string, format?: Parameters<typeof loadArtifact>[3]) =>
    loadArtifact(written, made.mdxFile, made.contentDir, format);
  return { ...made, load };
}

function message(result: LoadedArtifact): string {
  if (result.ok) throw new Error('expected a problem, got an artifact');
  return result.message;
}

/** The tail of every format-mismatch message: what Casefolio reads and where the README says so. */
const FORMATS_HELP =
  'Casefolio reads sklearn-report, confusion-matrix, roc-curve, pr-curve, keras-log, tensorboard-csv, mlflow-run, hf-trainer-state, wandb-history, wandb-panel, and json; see "Metrics from artifact files" in README.md';

const NOT_A_RUN =
  'is a folder but not an MLflow run; point at mlruns/<experiment id>/<run id>/ (the folder with meta.yaml, metrics/ and params/)';

describe('loadArtifact reading files', () => {
  it('reads a classification report, detected from its content, with its file name', () => {
    const { load } = site();
    expect(load('./classification_report.json')).toEqual({
      ok: true,
      fileName: 'classification_report.json',
      artifact: {
        format: 'sklearn-report',
        values: JSON.parse(readArtifact('classification_report.json')),
      },
    });
  });

  it('detects every file format from the content', () => {
    const { load } = site();
    const format = (written: string) => {
      const result = load(written);
      return result.ok ? result.artifact.format : result.message;
    };
    expect(format('./classification_report.txt')).toBe('sklearn-report');
    expect(format('./keras_training.csv')).toBe('keras-log');
    expect(format('./keras_history.json')).toBe('keras-log');
    expect(format('./run-train-tag-epoch_loss.csv')).toBe('tensorboard-csv');
    expect(format('./trainer_state.json')).toBe('hf-trainer-state');
    expect(format('./wandb_history_api.csv')).toBe('wandb-history');
    expect(format('./wandb_panel_export.csv')).toBe('wandb-panel');
    expect(format('./roc_curve.csv')).toBe('roc-curve');
    expect(format('./pr_curve.csv')).toBe('pr-curve');
    expect(format('./confusion_matrix.csv')).toBe('confusion-matrix');
    expect(format('./summary.json')).toBe('json');
  });

  it('uses an explicit format instead of detection', () => {
    const { load } = site();
    expect(load('./classification_report.json', 'json')).toEqual({
      ok: true,
      fileName: 'classification_report.json',
      artifact: { format: 'json', values: JSON.parse(readArtifact('classification_report.json')) },
    });
  });

  it('reads a Keras history JSON with format keras-log forced, as detected', () => {
    const { load } = site();
    const forced = load('./keras_history.json', 'keras-log');
    expect(forced).toEqual(load('./keras_history.json'));
    expect(
      forced.ok && forced.artifact.series?.find((s) => s.name === 'val_auc')?.points,
    ).toHaveLength(8);
  });

  it('names the TensorBoard tag from the file name', () => {
    const result = site().load('./run-train-tag-epoch_loss.csv');
    expect(result.ok && result.artifact.series?.map((series) => series.name)).toEqual([
      'epoch_loss',
    ]);
    expect(result.ok && result.artifact.run).toEqual({ name: 'train' });
  });
});

describe('loadArtifact reading MLflow run folders', () => {
  const RUN_INFO = {
    name: 'gentle-owl-42',
    commit: '3e1f0c2a',
    status: 'FINISHED',
    id: RUN_ID,
  };

  it('reads a run folder, named by its run id', () => {
    const result = site().load(RUN);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fileName).toBe(RUN_ID);
    expect(result.artifact.format).toBe('mlflow-run');
    expect(result.artifact.run).toEqual(RUN_INFO);
    expect(result.artifact.params).toEqual({
      C: '1.0',
      max_iter: '1000',
      model: 'LogisticRegression',
    });
    expect(result.artifact.series?.map((series) => series.name)).toEqual([
      'train_loss',
      'val/loss',
      'val_auc',
    ]);
  });

  it('finds the only run from its experiment folder or the mlruns folder', () => {
    const { load } = site();
    const experiment = load(`./mlruns/${EXPERIMENT_ID}`);
    expect(experiment.ok && experiment.artifact.run).toEqual(RUN_INFO);
    expect(experiment.ok && experiment.fileName).toBe(EXPERIMENT_ID);
    const mlruns = load('./mlruns/');
    expect(mlruns.ok && mlruns.artifact.run).toEqual(RUN_INFO);
  });

  it('accepts format mlflow-run for a folder', () => {
    expect(site().load(RUN, 'mlflow-run').ok).toBe(true);
  });

  it('reports a folder that is not a run, an empty experiment and two runs to choose from', () => {
    const { load, dir } = site({ 'plots/roc.png': 'png' });
    expect(load('./plots')).toEqual({ ok: false, message: `./plots: ${NOT_A_RUN}` });
    expect(load('./mlruns/0')).toEqual({ ok: false, message: `./mlruns/0: ${NOT_A_RUN}` });
    fs.cpSync(
      path.join(dir, 'mlruns', EXPERIMENT_ID, RUN_ID),
      path.join(dir, 'mlruns', EXPERIMENT_ID, 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5'),
      { recursive: true },
    );
    expect(load('./mlruns')).toEqual({ ok: false, message: `./mlruns: ${NOT_A_RUN}` });
  });

  it('names the file inside the run and its line for a bad metric line', () => {
    const { load } = site({
      'run/meta.yaml': 'run_id: r1\nstatus: 3\n',
      'run/metrics/val_auc': '1718035505000 0.801 0\n1718035511000 oops 1\n',
    });
    expect(message(load('./run'))).toBe(
      './run (metrics/val_auc, line 2): expected "<timestamp> <value> <step>", got "1718035511000 oops 1"',
    );
  });

  it('names meta.yaml and its line for a bad status', () => {
    const { load } = site({
      'run/meta.yaml': 'run_id: r1\nstatus: 9\n',
      'run/metrics/val_auc': '1718035505000 0.801 0\n',
    });
    expect(message(load('./run'))).toBe(
      './run (meta.yaml, line 2): status: expected 1 (RUNNING), 2 (SCHEDULED), 3 (FINISHED), 4 (FAILED) or 5 (KILLED), got "9"',
    );
  });
});

describe('loadArtifact and the boundary of a run folder', () => {
  const RUN_DIR = (dir: string) => path.join(dir, 'mlruns', EXPERIMENT_ID, RUN_ID);

  it('refuses a file of the run that links out of content/, and reads nothing of it', () => {
    const { load, dir, root } = site();
    fs.writeFileSync(path.join(root, 'passwd'), 'root:x:0:0:OUTSIDE-SECRET:/root:/bin/bash\n');
    const tag = path.join(RUN_DIR(dir), 'tags', 'mlflow.runName');
    fs.rmSync(tag);
    fs.symlinkSync(path.join(root, 'passwd'), tag);
    const expected = `path "${RUN}/tags/mlflow.runName" is a link to a file outside the content folder; copy the file in instead`;
    expect(load(RUN)).toEqual({ ok: false, message: expected });
    // Found through its experiment or mlruns folder, the run is named as the intern would write it.
    expect(message(load('./mlruns'))).toBe(
      expected.replace(RUN, `./mlruns/${EXPERIMENT_ID}/${RUN_ID}`),
    );
    expect(JSON.stringify(load(RUN))).not.toContain('OUTSIDE-SECRET');
  });

  it('names every refused link of a run in its one line', () => {
    const { load, dir, root } = site();
    fs.writeFileSync(path.join(root, 'passwd'), 'secret');
    const run = RUN_DIR(dir);
    fs.symlinkSync(path.join(root, 'passwd'), path.join(run, 'tags', 'a-out'));
    fs.symlinkSync('nothing-here', path.join(run, 'params', 'b-dangling'));
    fs.symlinkSync(path.join(root, 'passwd'), path.join(run, 'metrics', 'c-out'));
    const written = message(load(RUN));
    expect(written).toMatch(/^path ".*" is a link to a file/);
    for (const name of ['tags/a-out', 'params/b-dangling', 'metrics/c-out']) {
      expect(written).toContain(`${RUN}/${name}"`);
    }
  });

  it('follows a link inside the run that stays inside content/', () => {
    const { load, dir } = site({ 'shared-tag': 'shared-run-name' });
    const tag = path.join(RUN_DIR(dir), 'tags', 'mlflow.runName');
    fs.rmSync(tag);
    fs.symlinkSync(path.join(dir, 'shared-tag'), tag);
    const result = load(RUN);
    expect(result.ok && result.artifact.run?.name).toBe('shared-run-name');
  });

  it('reports a dangling link, a loop of links and a link back into the run, naming the link', () => {
    const { load, dir } = site();
    const tags = path.join(RUN_DIR(dir), 'tags');
    fs.symlinkSync('nothing-here', path.join(tags, 'a-dangling'));
    expect(message(load(RUN))).toBe(
      `path "${RUN}/tags/a-dangling" is a link to a file that does not exist; copy the file in instead`,
    );
    fs.rmSync(path.join(tags, 'a-dangling'));
    fs.symlinkSync('loop-b', path.join(tags, 'loop-a'));
    fs.symlinkSync('loop-a', path.join(tags, 'loop-b'));
    expect(message(load(RUN))).toBe(
      `path "${RUN}/tags/loop-a" is a link that leads back to itself in a loop; copy the file in instead; also refused: "${RUN}/tags/loop-b"`,
    );
    fs.rmSync(path.join(tags, 'loop-a'));
    fs.rmSync(path.join(tags, 'loop-b'));
    fs.symlinkSync('..', path.join(tags, 'up'));
    expect(message(load(RUN))).toBe(
      `path "${RUN}/tags/up" is a link that leads back to itself in a loop; copy the folder in instead`,
    );
  });

  it('does not look for runs in an experiment folder that links out of content/', () => {
    const { load, dir, root } = site();
    fs.cpSync(path.join(dir, 'mlruns'), path.join(root, 'elsewhere-mlruns'), { recursive: true });
    fs.rmSync(path.join(dir, 'mlruns', EXPERIMENT_ID), { recursive: true });
    fs.symlinkSync(
      path.join(root, 'elsewhere-mlruns', EXPERIMENT_ID),
      path.join(dir, 'mlruns', EXPERIMENT_ID),
    );
    expect(load('./mlruns')).toEqual({ ok: false, message: `./mlruns: ${NOT_A_RUN}` });
  });

  it('holds every file of the run to the data-file limit, before reading it', () => {
    const { load, dir } = site();
    const metric = path.join(RUN_DIR(dir), 'metrics', 'huge');
    fs.writeFileSync(metric, '');
    // A sparse 630 MB metric file: read whole, it crashed the check with no file named.
    fs.truncateSync(metric, 630 * 1024 * 1024);
    expect(message(load(RUN))).toBe(
      `${RUN} (metrics/huge) is 630.00 MB, over the 5 MB limit for data files; downsample it (for example every 10th row) or keep only the columns you plot`,
    );
  });

  it('holds the run folder to its total size and file count', () => {
    const { load, dir } = site();
    const metrics = path.join(RUN_DIR(dir), 'metrics');
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      fs.writeFileSync(path.join(metrics, name), '');
      fs.truncateSync(path.join(metrics, name), MAX_DATA_FILE_BYTES);
    }
    expect(message(load(RUN))).toMatch(
      new RegExp(
        `^${RUN} holds 25\\.00 MB of files, over the 20 MB limit for a run folder; a run folder holds meta\\.yaml, metrics/, params/ and tags/; move anything else into its artifacts/ folder, which Casefolio does not read$`,
      ),
    );
    for (const name of ['a', 'b', 'c', 'd', 'e']) fs.rmSync(path.join(metrics, name));
    const params = path.join(RUN_DIR(dir), 'params');
    for (let index = 0; index < MAX_RUN_FOLDER_FILES; index++) {
      fs.writeFileSync(path.join(params, `p${index}`), '1');
    }
    expect(message(load(RUN))).toMatch(
      new RegExp(`^${RUN} holds 10,0\\d\\d files, over the 10,000-file limit for a run folder; `),
    );
  });

  it('holds a metric file to the row limit', () => {
    const { load, dir } = site();
    const line = '1718035505000 0.5 1\n';
    fs.writeFileSync(path.join(RUN_DIR(dir), 'metrics', 'long'), line.repeat(MAX_CSV_ROWS + 1));
    expect(message(load(RUN))).toBe(
      `${RUN} (metrics/long, line 200001): expected at most 200,000 logged values (the row limit for data files), got more; downsample the file (for example every 10th line)`,
    );
  });
});

describe('loadArtifact and the JSON and CSV limits', () => {
  it('refuses JSON nested deeper than the limit, with its line, whatever the format', () => {
    const deep = `{\n"a": ${'['.repeat(5000)}${']'.repeat(5000)}\n}`;
    const { load } = site({ 'deep.json': deep, 'trainer_state.json': deep });
    const tail =
      'the file nests lists and objects more than 64 levels deep, the limit (exports nest a few levels); save only the values the page shows';
    expect(message(load('./deep.json'))).toBe(`./deep.json (line 2): ${tail}`);
    expect(message(load('./trainer_state.json'))).toBe(`./trainer_state.json (line 2): ${tail}`);
    expect(message(load('./deep.json', 'sklearn-report'))).toBe(`./deep.json (line 2): ${tail}`);
  });

  it("refuses a run's meta.yaml nested deeper than the JSON limit, before the YAML reader overflows", () => {
    const { load } = site({
      'run/meta.yaml': `run_id: r1\ndeep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
      'run/metrics/val_auc': '1718035505000 0.801 0\n',
    });
    expect(message(load('./run'))).toBe(
      './run (meta.yaml, line 2): the file nests lists and objects more than 64 levels deep, the limit (exports nest a few levels); save only the values the page shows',
    );
  });

  it('refuses a CSV artifact with a cell over the cell limit, with its line', () => {
    const { load } = site({
      'training.log': `epoch,loss\n0,0.5\n1,${'9'.repeat(MAX_CSV_CELL_CHARS + 1)}\n`,
    });
    expect(message(load('./training.log'))).toBe(
      './training.log (line 3): column 2 holds a cell of 10,001 characters, over the 10,000-character limit for a cell; shorten it or leave it out',
    );
  });
});

describe('loadArtifact problems', () => {
  it('reports a missing file', () => {
    expect(site().load('./nope.json')).toEqual({
      ok: false,
      message: 'file not found: "./nope.json"',
    });
  });

  it('reports a path leaving content/, an absolute path and a link out of content/', () => {
    const { load, root, dir } = site();
    fs.writeFileSync(path.join(root, 'outside.json'), '{"auc": 0.9}');
    expect(load('../../../outside.json')).toEqual({
      ok: false,
      message:
        'path "../../../outside.json" leaves the content folder; keep files next to the case study',
    });
    expect(load(path.join(root, 'outside.json'))).toEqual({
      ok: false,
      message:
        'expected a path relative to this file such as "./outside.json", got "' +
        path.join(root, 'outside.json') +
        '"',
    });
    fs.symlinkSync(path.join(root, 'outside.json'), path.join(dir, 'link.json'));
    expect(load('./link.json')).toEqual({
      ok: false,
      message:
        'path "./link.json" is a link to a file outside the content folder; copy the file in instead',
    });
  });

  it('refuses a file over the 5 MB limit before reading it', () => {
    const { load, dir } = site();
    fs.writeFileSync(path.join(dir, 'big.csv'), '');
    fs.truncateSync(path.join(dir, 'big.csv'), MAX_DATA_FILE_BYTES + 1);
    expect(load('./big.csv')).toEqual({
      ok: false,
      message:
        './big.csv is 5.00 MB, over the 5 MB limit for data files; downsample it (for example every 10th row) or keep only the columns you plot',
    });
    fs.truncateSync(path.join(dir, 'big.csv'), MAX_DATA_FILE_BYTES);
    expect(message(load('./big.csv'))).not.toContain('limit');
  });

  it('says which formats it knows, and where the README lists them, for a file it does not recognise', () => {
    const { load } = site({ 'table.csv': 'a,b\n1,2\n3,4\n' });
    expect(load('./table.csv')).toEqual({
      ok: false,
      message: `./table.csv: not a format Casefolio recognises; ${FORMATS_HELP}`,
    });
  });

  it('reports a file that is not in the explicit format by what it reads as, not by its content', () => {
    const { load } = site({ 'table.csv': 'a,b\n1,2\n3,4\n' });
    expect(load('./keras_training.csv', 'roc-curve')).toEqual({
      ok: false,
      message: `./keras_training.csv: format "roc-curve" does not fit this file, which reads as "keras-log"; ${FORMATS_HELP}`,
    });
    expect(load('./classification_report.json', 'keras-log')).toEqual({
      ok: false,
      message: `./classification_report.json: format "keras-log" does not fit this file, which reads as "sklearn-report"; ${FORMATS_HELP}`,
    });
    expect(load('./keras_history.json', 'sklearn-report')).toEqual({
      ok: false,
      message: `./keras_history.json: format "sklearn-report" does not fit this file, which reads as "keras-log"; ${FORMATS_HELP}`,
    });
    expect(load('./table.csv', 'keras-log')).toEqual({
      ok: false,
      message: `./table.csv: format "keras-log" does not fit this file, which is in no format Casefolio recognises; ${FORMATS_HELP}`,
    });
    expect(load('./classification_report.json', 'mlflow-run')).toEqual({
      ok: false,
      message: './classification_report.json: format "mlflow-run" needs a run folder, not a file',
    });
    expect(load(RUN, 'json')).toEqual({
      ok: false,
      message: `${RUN}: is a folder; format "json" needs a file`,
    });
  });

  it('keeps the line-precise problem when the file is in the explicit format but broken', () => {
    const { load } = site({
      'history.csv': 'epoch,loss\r\n0,0.5\r\n1,abc\r\n',
      'broken.json': '{"loss": [0.5,\n 0.4,]}',
    });
    expect(message(load('./history.csv', 'keras-log'))).toBe(
      './history.csv (line 3): column "loss": expected a number or NA, got "abc"',
    );
    // JSON that does not parse gets its syntax error whatever the format asked for.
    for (const format of ['keras-log', 'sklearn-report', 'roc-curve'] as const) {
      expect(message(load('./broken.json', format))).toBe(
        "./broken.json (line 2): expected valid JSON, found an error: Unexpected token ']'",
      );
    }
  });

  it('never quotes a large file or a secret in it when the format does not fit', () => {
    const secret = 'sk_live_51HxQ2eZvKYlo2C0aBcDeFgHiJkLmNoP';
    const padding = 'x'.repeat(1024 * 1024);
    const { load } = site({
      'secret.json': JSON.stringify({ api_key: secret, notes: padding }),
      'secret.csv': `token,${secret},${padding}\n1,2,3\n`,
      'one-line.csv': `${secret};${padding}`,
    });
    const messages: string[] = [];
    for (const file of ['./secret.json', './secret.csv', './one-line.csv']) {
      for (const format of [undefined, ...ARTIFACT_FORMATS.filter((one) => one !== 'mlflow-run')]) {
        const result = load(file, format);
        if (!result.ok) messages.push(result.message);
      }
    }
    // Every file fails as every format, detected or forced, but the JSON one as json.
    expect(messages).toHaveLength(3 * 11 - 2);
    for (const text of messages) {
      expect(text).not.toContain('sk_live');
      expect(text).not.toContain('xxxxxxxx');
      expect(text.length).toBeLessThan(400);
      expect(text).toContain(FORMATS_HELP);
    }
  });

  it('gives the line of a problem inside a file', () => {
    const { load } = site({
      'history.csv': 'epoch,loss\r\n0,0.5\r\n1,abc\r\n',
      'broken.json': '{\n  "auc": 0.9,\n}\n',
    });
    expect(message(load('./history.csv'))).toBe(
      './history.csv (line 3): column "loss": expected a number or NA, got "abc"',
    );
    expect(message(load('./broken.json'))).toBe(
      './broken.json (line 3): expected valid JSON, found an error: Expected double-quoted property name',
    );
  });

  it('quotes the path as each MDX file wrote it, even when the parse is cached', () => {
    const { load, contentDir } = site({ 'table.csv': 'a,b\n1,2\n3,4\n' });
    const other = path.join(contentDir, 'case-studies', 'y', 'index.mdx');
    fs.mkdirSync(path.dirname(other), { recursive: true });
    fs.writeFileSync(other, '---\ntitle: y\n---\n');
    expect(message(load('./table.csv'))).toMatch(/^\.\/table\.csv: not a format/);
    expect(message(loadArtifact('../x/table.csv', other, contentDir))).toMatch(
      /^\.\.\/x\/table\.csv: not a format/,
    );
  });
});

describe('loadArtifact cache', () => {
  it('reuses the parse while the modification time is unchanged, and rereads after it changes', () => {
    const { load, dir } = site({ 'metrics.json': '{"auc": 0.9}' });
    const file = path.join(dir, 'metrics.json');
    const stamp = new Date('2026-01-02T03:04:05Z');
    fs.utimesSync(file, stamp, stamp);
    const first = load('./metrics.json');
    expect(first.ok && first.artifact.values).toEqual({ auc: 0.9 });
    fs.writeFileSync(file, '{"auc": 0.95}');
    fs.utimesSync(file, stamp, stamp);
    const cached = load('./metrics.json');
    expect(cached.ok && cached.artifact.values).toEqual({ auc: 0.9 });
    const later = new Date('2026-01-02T03:04:15Z');
    fs.utimesSync(file, later, later);
    const reread = load('./metrics.json');
    expect(reread.ok && reread.artifact.values).toEqual({ auc: 0.95 });
  });

  it("reuses a run folder's parse until a file in it changes, which its folder's time does not show", () => {
    const { load, dir } = site();
    const runDir = path.join(dir, RUN);
    const metricFile = path.join(runDir, 'metrics', 'val_auc');
    const lastAuc = (result: LoadedArtifact) =>
      result.ok
        ? result.artifact.series?.find((series) => series.name === 'val_auc')?.points.at(-1)
        : undefined;
    const first = load(RUN);
    // The same parse, not a new read of every file in the run.
    const again = load(RUN);
    expect(again.ok && again.artifact).toBe(first.ok && first.artifact);
    const folderTime = fs.statSync(path.join(runDir, 'metrics')).mtime;
    fs.appendFileSync(metricFile, '1700000000000 0.999 99\n');
    fs.utimesSync(path.join(runDir, 'metrics'), folderTime, folderTime);
    expect(lastAuc(load(RUN))).toEqual({ step: 99, value: 0.999 });
  });

  it('reads a file once for every format asked of it', () => {
    const { load, dir } = site();
    const file = path.join(dir, 'classification_report.json');
    const stamp = new Date('2026-01-02T03:04:05Z');
    fs.utimesSync(file, stamp, stamp);
    const detected = load('./classification_report.json');
    const original = fs.readFileSync(file, 'utf8');
    // Same modification time, other content: a second read would see it.
    fs.writeFileSync(file, '{"accuracy": 0.5}');
    fs.utimesSync(file, stamp, stamp);
    const asJson = load('./classification_report.json', 'json');
    expect(asJson.ok && asJson.artifact.values).toEqual(JSON.parse(original));
    expect(detected.ok && detected.artifact.format).toBe('sklearn-report');
  });

  it('caches per format: an explicit format does not reuse the detected parse', () => {
    const { load } = site();
    const detected = load('./classification_report.json');
    expect(detected.ok && detected.artifact.format).toBe('sklearn-report');
    const asJson = load('./classification_report.json', 'json');
    expect(asJson.ok && asJson.artifact.format).toBe('json');
  });
});
