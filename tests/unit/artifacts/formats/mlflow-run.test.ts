import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMlflowRunFolder, parseMlflowRun } from '../../../../src/artifacts/formats/mlflow-run.ts';
import { artifact, points } from '../../../helpers/artifacts.ts';

const RUN_ID = '5f2c0e7a9b7d4c1e8f3a2b6d9c0e1f23';
const RUN_DIR = path.resolve(
  import.meta.dirname,
  '../../../fixtures/artifacts/mlruns/873451918523740582',
  RUN_ID,
);

/** The fixture run folder as the map the importer takes (read here, not with mlflow-fs). */
function fixtureFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(RUN_DIR, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(
      path.relative(RUN_DIR, full).split(path.sep).join('/'),
      fs.readFileSync(full, 'utf8'),
    );
  }
  return files;
}

const META = 'run_id: abc\nrun_name: r\nstatus: 3\n';

/** A minimal run: meta.yaml plus the given files. */
function run(files: Record<string, string>, meta = META): Map<string, string> {
  return new Map([['meta.yaml', meta], ...Object.entries(files)]);
}

describe('isMlflowRunFolder', () => {
  it('needs meta.yaml and a metrics entry', () => {
    expect(isMlflowRunFolder(fixtureFiles().keys())).toBe(true);
    expect(isMlflowRunFolder(['meta.yaml', 'metrics', 'params', 'tags', 'artifacts'])).toBe(true);
    expect(isMlflowRunFolder(['meta.yaml', 'metrics/'])).toBe(true);
    expect(isMlflowRunFolder(['meta.yaml', 'params/C'])).toBe(false);
    expect(isMlflowRunFolder(['metrics/loss'])).toBe(false);
    expect(isMlflowRunFolder(['meta.yaml', `${RUN_ID}/meta.yaml`, `${RUN_ID}/metrics/x`])).toBe(
      false,
    );
  });
});

describe('parseMlflowRun', () => {
  it('reads the fixture run: series sorted by key, with / kept from subfolders', () => {
    const result = parseMlflowRun(fixtureFiles());
    expect(artifact(result).format).toBe('mlflow-run');
    expect(artifact(result).stepName).toBe('step');
    expect(points(result)).toEqual({
      train_loss: [
        [0, 0.5123],
        [1, 0.441],
        [2, 0.4109],
      ],
      'val/loss': [
        [0, 0.49],
        [1, 0.455],
        [2, 0.4471],
      ],
      val_auc: [
        [0, 0.801],
        [1, 0.836],
        [2, 0.8412],
      ],
    });
    expect(artifact(result).series?.map((series) => series.name)).toEqual([
      'train_loss',
      'val/loss',
      'val_auc',
    ]);
  });

  it('puts each metric last logged value in values, keyed by metric key', () => {
    expect(artifact(parseMlflowRun(fixtureFiles())).values).toEqual({
      train_loss: 0.4109,
      'val/loss': 0.4471,
      val_auc: 0.8412,
    });
  });

  it('reads params exactly as written, without a trailing newline', () => {
    expect(artifact(parseMlflowRun(fixtureFiles())).params).toEqual({
      C: '1.0',
      max_iter: '1000',
      model: 'LogisticRegression',
    });
    const files = run({
      'metrics/loss': '1 0.5 0\n',
      'params/note': 'two\nlines\n',
      'params/a/b': 'x',
    });
    expect(artifact(parseMlflowRun(files)).params).toEqual({ 'a/b': 'x', note: 'two\nlines' });
  });

  it('reads the run name, git commit, status word and run id', () => {
    expect(artifact(parseMlflowRun(fixtureFiles())).run).toEqual({
      name: 'gentle-owl-42',
      commit: '3e1f0c2a',
      status: 'FINISHED',
      id: RUN_ID,
    });
  });

  it('prefers the mlflow.runName tag, falls back to meta.yaml run_name, and leaves out what is absent', () => {
    const tagged = run({ 'metrics/loss': '1 0.5 0\n', 'tags/mlflow.runName': 'from-tag' });
    expect(artifact(parseMlflowRun(tagged)).run).toEqual({
      name: 'from-tag',
      status: 'FINISHED',
      id: 'abc',
    });
    const bare = run({ 'metrics/loss': '1 0.5 0\n' }, 'run_uuid: old-id\n');
    expect(artifact(parseMlflowRun(bare)).run).toEqual({ id: 'old-id' });
  });

  it.each([
    ['1', 'RUNNING'],
    ['2', 'SCHEDULED'],
    ['3', 'FINISHED'],
    ['4', 'FAILED'],
    ['5', 'KILLED'],
    ['FAILED', 'FAILED'],
  ])('reads status %s as %s', (status, word) => {
    const files = run({ 'metrics/loss': '1 0.5 0\n' }, `run_id: abc\nstatus: ${status}\n`);
    expect(artifact(parseMlflowRun(files)).run?.status).toBe(word);
  });

  it('names the line of an unknown status', () => {
    const files = run({ 'metrics/loss': '1 0.5 0\n' }, 'run_id: abc\nrun_name: r\nstatus: 9\n');
    expect(parseMlflowRun(files)).toEqual({
      ok: false,
      file: 'meta.yaml',
      line: 3,
      message:
        'status: expected 1 (RUNNING), 2 (SCHEDULED), 3 (FINISHED), 4 (FAILED) or 5 (KILLED), got "9"',
    });
  });

  it('keeps ids exact: large quoted experiment ids and all-digit run ids are not numbers', () => {
    const meta =
      "experiment_id: '873451918523740582'\nrun_id: 12345678901234567890123456789012\nstatus: 3\ntags: []\n";
    const result = parseMlflowRun(run({ 'metrics/loss': '1 0.5 0\n' }, meta));
    expect(artifact(result).run?.id).toBe('12345678901234567890123456789012');
    const exponent = parseMlflowRun(run({ 'metrics/loss': '1 0.5 0\n' }, 'run_id: 1e5\n'));
    expect(artifact(exponent).run?.id).toBe('1e5');
  });

  it('reads old two-field lines as step 0', () => {
    const files = run({ 'metrics/loss': '1718035505000 0.5\n1718035511000 0.4 3\n' });
    expect(points(parseMlflowRun(files))).toEqual({
      loss: [
        [0, 0.5],
        [3, 0.4],
      ],
    });
  });

  it('reads nan, inf and -inf as null points, and a last nan as a null value', () => {
    const files = run({
      'metrics/loss': '1 0.5 0\n2 nan 1\n3 inf 2\n4 -inf 3\n5 1e-05 4\n',
      'metrics/val_loss': '1 0.6 0\n2 nan 1\n',
    });
    const result = parseMlflowRun(files);
    expect(points(result)).toEqual({
      loss: [
        [0, 0.5],
        [1, null],
        [2, null],
        [3, null],
        [4, 0.00001],
      ],
      val_loss: [
        [0, 0.6],
        [1, null],
      ],
    });
    expect(artifact(result).values).toEqual({ loss: 0.00001, val_loss: null });
  });

  it('accepts CRLF lines, Windows-style paths and a missing final newline', () => {
    const files = new Map([
      ['meta.yaml', META],
      ['metrics\\val\\loss', '1 0.5 0\r\n2 0.4 1'],
    ]);
    expect(points(parseMlflowRun(files))).toEqual({
      'val/loss': [
        [0, 0.5],
        [1, 0.4],
      ],
    });
  });

  it('ignores artifacts/', () => {
    const files = run({ 'metrics/loss': '1 0.5 0\n', 'artifacts/model/MLmodel': 'flavors: {}' });
    expect(artifact(parseMlflowRun(files)).series?.map((series) => series.name)).toEqual(['loss']);
  });

  it('names the file and line of a malformed metric line', () => {
    const files = fixtureFiles();
    files.set('metrics/val_auc', '1718035505000 0.801 0\n1718035511000 0.836 1\nabc\n');
    expect(parseMlflowRun(files)).toEqual({
      ok: false,
      file: 'metrics/val_auc',
      line: 3,
      message: 'expected "<timestamp> <value> <step>", got "abc"',
    });
    files.set('metrics/val_auc', '1 0.8 0\n2 high 1\n');
    expect(parseMlflowRun(files)).toMatchObject({
      file: 'metrics/val_auc',
      line: 2,
      message: 'expected "<timestamp> <value> <step>", got "2 high 1"',
    });
    files.set('metrics/val_auc', '1 0.8 0 9\n');
    expect(parseMlflowRun(files)).toMatchObject({ file: 'metrics/val_auc', line: 1 });
    files.set('metrics/val_auc', '1 0.8 1.5\n');
    expect(parseMlflowRun(files)).toMatchObject({ file: 'metrics/val_auc', line: 1 });
  });

  it('says what a run folder holds when meta.yaml or metrics are missing', () => {
    expect(parseMlflowRun(new Map([['metrics/loss', '1 0.5 0\n']]))).toEqual({
      ok: false,
      message:
        'expected an MLflow run folder (mlruns/<experiment_id>/<run_id>/) holding meta.yaml, metrics/, params/ and tags/; found no meta.yaml (the folder has: metrics/)',
    });
    expect(
      parseMlflowRun(
        new Map([
          ['meta.yaml', META],
          ['params/C', '1.0'],
        ]),
      ),
    ).toEqual({
      ok: false,
      message:
        'expected an MLflow run folder (mlruns/<experiment_id>/<run_id>/) holding meta.yaml, metrics/, params/ and tags/; found no metrics/ files (the folder has: meta.yaml, params/)',
    });
    expect(parseMlflowRun(new Map())).toMatchObject({
      ok: false,
      message: expect.stringContaining('found no meta.yaml (the folder is empty)'),
    });
  });

  it('points at the run folder when given an experiment folder', () => {
    const experiment = new Map<string, string>(
      [...fixtureFiles()].map(([key, text]) => [`${RUN_ID}/${key}`, text]),
    );
    experiment.set('meta.yaml', 'experiment_id: x\nname: churn-baseline\n');
    const result = parseMlflowRun(experiment);
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? '' : result.message).toContain(
      `this looks like an experiment or mlruns folder, point at a run folder such as ${RUN_ID}`,
    );
  });

  it('names the line of invalid meta.yaml', () => {
    const files = run({ 'metrics/loss': '1 0.5 0\n' }, 'run_id: abc\nstatus: 3\nstatus: 4\n');
    expect(parseMlflowRun(files)).toEqual({
      ok: false,
      file: 'meta.yaml',
      line: 3,
      message:
        'expected YAML "key: value" lines (run_id, run_name, status, ...), found an error: Map keys must be unique',
    });
    expect(parseMlflowRun(run({ 'metrics/loss': '1 0.5 0\n' }, ''))).toEqual({
      ok: false,
      file: 'meta.yaml',
      message:
        'expected YAML "key: value" lines (run_id, run_name, status, ...), found an empty file',
    });
    expect(parseMlflowRun(run({ 'metrics/loss': '1 0.5 0\n' }, '- a\n- b\n'))).toEqual({
      ok: false,
      file: 'meta.yaml',
      message:
        'expected YAML "key: value" lines (run_id, run_name, status, ...), found a single value or a list',
    });
  });
});

describe('parseMlflowRun on a meta.yaml it cannot expand', () => {
  it('reports an alias to no anchor on meta.yaml instead of throwing', () => {
    expect(parseMlflowRun(run({ 'metrics/loss': '1 0.5 0\n' }, 'run_name: *name\n'))).toMatchObject(
      {
        ok: false,
        file: 'meta.yaml',
        message: expect.stringContaining('an alias (*name) that cannot be expanded'),
      },
    );
  });
});
