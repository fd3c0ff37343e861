import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMlflowRun } from '../../../src/artifacts/formats/mlflow-run.ts';
import { findMlflowRun } from '../../../src/artifacts/run-folder.ts';
import { runFolderTexts } from '../../helpers/artifacts.ts';

const MLRUNS = path.resolve(import.meta.dirname, '../../fixtures/artifacts/mlruns');
const EXPERIMENT_ID = '873451918523740582';
const RUN_ID = '5f2c0e7a9b7d4c1e8f3a2b6d9c0e1f23';
const RUN_DIR = path.join(MLRUNS, EXPERIMENT_ID, RUN_ID);

const temporaryDirs: string[] = [];

afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder holding `files` (paths relative to it, `/`-separated). */
function folder(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-mlflow-'));
  temporaryDirs.push(root);
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(root, ...name.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return root;
}

const RUN_META = 'run_id: r1\nstatus: 3\nlifecycle_stage: active\n';

/** Files of a minimal run folder under `prefix`. */
function runFiles(prefix: string, meta = RUN_META): Record<string, string> {
  return { [`${prefix}meta.yaml`]: meta, [`${prefix}metrics/loss`]: '1 0.5 0\n' };
}

describe('readRunFolder', () => {
  it('reads every file of the fixture run, keyed with forward slashes, metric subfolders included', () => {
    const files = runFolderTexts(RUN_DIR);
    expect([...files.keys()].sort()).toEqual([
      'meta.yaml',
      'metrics/train_loss',
      'metrics/val/loss',
      'metrics/val_auc',
      'params/C',
      'params/max_iter',
      'params/model',
      'tags/mlflow.runName',
      'tags/mlflow.source.git.commit',
      'tags/mlflow.source.name',
      'tags/mlflow.source.type',
      'tags/mlflow.user',
    ]);
    expect(files.get('metrics/val/loss')).toBe(
      '1718035505000 0.49 0\n1718035511000 0.455 1\n1718035517000 0.4471 2\n',
    );
    expect(files.get('params/C')).toBe('1.0');
    expect(files.get('tags/mlflow.source.git.commit')).toBe('3e1f0c2a');
  });

  it('feeds parseMlflowRun', () => {
    const result = parseMlflowRun(runFolderTexts(RUN_DIR));
    expect(result.ok && result.artifact.values).toEqual({
      train_loss: 0.4109,
      'val/loss': 0.4471,
      val_auc: 0.8412,
    });
    expect(result.ok && result.artifact.run).toEqual({
      name: 'gentle-owl-42',
      commit: '3e1f0c2a',
      status: 'FINISHED',
      id: RUN_ID,
    });
  });

  it('skips artifacts/ and ignored names, but not a nested folder named artifacts', () => {
    const dir = folder({
      ...runFiles(''),
      'artifacts/model/MLmodel': 'flavors: {}',
      'artifacts/plot.png': 'PNG',
      '.DS_Store': 'junk',
      'metrics/.DS_Store': 'junk',
      '_notes.md': 'my notes on this run',
      'params/artifacts': 'keep',
    });
    expect([...runFolderTexts(dir).keys()].sort()).toEqual([
      'meta.yaml',
      'metrics/loss',
      'params/artifacts',
    ]);
  });
});

describe('findMlflowRun', () => {
  it('finds the one run from the mlruns folder, ignoring the empty Default experiment 0', () => {
    expect(fs.existsSync(path.join(MLRUNS, '0', 'meta.yaml'))).toBe(true);
    expect(findMlflowRun(MLRUNS)).toBe(RUN_DIR);
  });

  it('finds the one run from its experiment folder (a large numeric experiment id)', () => {
    expect(findMlflowRun(path.join(MLRUNS, EXPERIMENT_ID))).toBe(RUN_DIR);
  });

  it('returns a run folder itself', () => {
    expect(findMlflowRun(RUN_DIR)).toBe(RUN_DIR);
  });

  it('returns undefined for two runs in an experiment, or two experiments with a run each', () => {
    const twoRuns = folder({
      'meta.yaml': "experiment_id: '1'\nname: e\n",
      ...runFiles('a/'),
      ...runFiles('b/'),
    });
    expect(findMlflowRun(twoRuns)).toBeUndefined();
    const twoExperiments = folder({ ...runFiles('1/a/'), ...runFiles('2/b/') });
    expect(findMlflowRun(twoExperiments)).toBeUndefined();
  });

  it('ignores runs marked deleted, deleted experiments in .trash and the model registry', () => {
    const root = folder({
      ...runFiles('1/a/'),
      ...runFiles('1/b/', 'run_id: b\nstatus: 4\nlifecycle_stage: deleted\n'),
      ...runFiles('.trash/2/c/'),
      'models/churn/meta.yaml': 'name: churn\n',
      'models/churn/version-1/meta.yaml': 'version: 1\n',
    });
    expect(findMlflowRun(root)).toBe(path.join(root, '1', 'a'));
  });

  it('returns undefined for a folder without runs, a file and a missing path', () => {
    const empty = folder({ 'notes.txt': 'x', 'sub/readme.md': 'y' });
    expect(findMlflowRun(empty)).toBeUndefined();
    expect(findMlflowRun(path.join(empty, 'notes.txt'))).toBeUndefined();
    expect(findMlflowRun(path.join(empty, 'missing'))).toBeUndefined();
  });
});
