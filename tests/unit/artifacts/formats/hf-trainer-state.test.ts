import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrainerState } from '../../../../src/artifacts/formats/hf-trainer-state.ts';
import { ARTIFACTS, artifact, points } from '../../../helpers/artifacts.ts';

const fixture = fs.readFileSync(path.join(ARTIFACTS, 'trainer_state.json'), 'utf8');

describe('parseTrainerState', () => {
  it('reads the fixture: top-level values without log_history, stepName step', () => {
    const result = artifact(parseTrainerState(fixture));
    expect(result.format).toBe('hf-trainer-state');
    expect(result.stepName).toBe('step');
    expect(result.values).not.toHaveProperty('log_history');
    expect(result.values).toMatchObject({
      best_global_step: 750,
      best_metric: 0.9112,
      best_model_checkpoint: 'out/checkpoint-750',
      epoch: 3,
      global_step: 750,
      max_steps: 750,
      num_train_epochs: 3,
      total_flos: 1578221347430400,
      train_batch_size: 16,
      trial_name: null,
      trial_params: null,
    });
    expect(result.values?.['stateful_callbacks']).toEqual({
      TrainerControl: {
        args: {
          should_epoch_stop: false,
          should_evaluate: false,
          should_log: false,
          should_save: true,
          should_training_stop: true,
        },
        attributes: {},
      },
    });
  });

  it('makes one series per metric key of training, evaluation and final entries, in first-seen order', () => {
    const result = parseTrainerState(fixture);
    expect(artifact(result).series?.map((series) => series.name)).toEqual([
      'grad_norm',
      'learning_rate',
      'loss',
      'eval_accuracy',
      'eval_loss',
      'eval_runtime',
      'eval_samples_per_second',
      'eval_steps_per_second',
      'total_flos',
      'train_loss',
      'train_runtime',
      'train_samples_per_second',
      'train_steps_per_second',
    ]);
    const series = points(result);
    expect(series['loss']).toEqual([
      [250, 0.4821],
      [500, 0.2719],
      [750, 0.1633],
    ]);
    expect(series['learning_rate']).toEqual([
      [250, 3.346666666666666e-5],
      [500, 1.68e-5],
      [750, 1.3333333333333334e-7],
    ]);
    expect(series['eval_loss']).toEqual([
      [250, 0.3012],
      [500, 0.2744],
      [750, 0.2901],
    ]);
    expect(series['eval_accuracy']).toEqual([
      [250, 0.8874],
      [500, 0.9051],
      [750, 0.9112],
    ]);
    expect(series['train_loss']).toEqual([[750, 0.3058]]);
    expect(series['train_runtime']).toEqual([[750, 212.7]]);
    expect(series).not.toHaveProperty('epoch');
    expect(series).not.toHaveProperty('step');
  });

  it('reads the bare NaN grad_norm as a null point without failing the file', () => {
    expect(fixture).toContain('"grad_norm": NaN');
    expect(points(parseTrainerState(fixture))['grad_norm']).toEqual([
      [250, 3.412],
      [500, null],
      [750, 2.087],
    ]);
  });

  it('reads Infinity and -Infinity as missing, at the top level too, and leaves strings alone', () => {
    const text = JSON.stringify({
      best_metric: 'BEST',
      best_model_checkpoint: 'out/NaN-Infinity-run',
      log_history: [
        { epoch: 0.5, loss: 'LOSS', step: 10 },
        { epoch: 1, loss: 'NEG', note: 'loss was NaN', step: 20 },
      ],
    })
      .replace('"BEST"', 'NaN')
      .replace('"LOSS"', 'Infinity')
      .replace('"NEG"', '-Infinity');
    const result = parseTrainerState(text);
    expect(artifact(result).values).toEqual({
      best_metric: null,
      best_model_checkpoint: 'out/NaN-Infinity-run',
    });
    expect(points(result)).toEqual({
      loss: [
        [10, null],
        [20, null],
      ],
    });
  });

  it('uses fractional epochs only as positions: points sit at the entry step', () => {
    const text =
      '{"log_history": [{"epoch": 0.33, "loss": 0.9, "step": 5}, {"epoch": 0.67, "loss": 0.8, "step": 10}]}';
    expect(points(parseTrainerState(text))).toEqual({
      loss: [
        [5, 0.9],
        [10, 0.8],
      ],
    });
  });

  it('names the line of malformed JSON', () => {
    const broken = fixture.replace('"loss": 0.2719,', '"loss": 0.2719');
    const line = fixture.split('\n').findIndex((text) => text.includes('"step": 500')) + 1;
    const result = parseTrainerState(broken);
    expect(result).toMatchObject({ ok: false, line });
    expect(result.ok ? '' : result.message).toMatch(
      /^expected valid JSON \(trainer_state\.json as the Trainer writes it\), found an error: Expected ',' or '}' after property value$/,
    );
  });

  it('reports a cut-off file at its last line, and an empty file', () => {
    const cut = fixture.slice(0, fixture.indexOf('"logging_steps"'));
    const result = parseTrainerState(cut);
    expect(result).toMatchObject({ ok: false, line: cut.split('\n').length });
    expect(parseTrainerState('  \n')).toEqual({
      ok: false,
      line: 1,
      message: 'expected a trainer_state.json object with "log_history", found an empty file',
    });
  });

  it('reports a file that is not a trainer state', () => {
    expect(parseTrainerState('[1, 2]')).toEqual({
      ok: false,
      message: 'expected a trainer_state.json object with "log_history", found a list',
    });
    expect(parseTrainerState('{"loss": 0.4, "step": 3}')).toEqual({
      ok: false,
      message:
        'expected a "log_history" list (a Hugging Face trainer_state.json), found the keys loss, step',
    });
    expect(parseTrainerState('{"log_history": {}}')).toEqual({
      ok: false,
      message: 'expected "log_history" to be a list, found an object',
    });
  });

  it('names the log_history entry with no step or a non-object entry', () => {
    expect(parseTrainerState('{"log_history": [{"loss": 1, "step": 1}, {"loss": 0.5}]}')).toEqual({
      ok: false,
      message: 'log_history[1]: expected a number "step", found no step',
    });
    expect(parseTrainerState('{"log_history": [3]}')).toEqual({
      ok: false,
      message: 'log_history[0]: expected an object such as { "loss": 0.48, "step": 250 }, found 3',
    });
  });
});
