import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWandbHistory, parseWandbPanel } from '../../../../src/artifacts/formats/wandb.ts';
import { ARTIFACTS, artifact, points } from '../../../helpers/artifacts.ts';

function fixture(name: string): string {
  return fs.readFileSync(path.join(ARTIFACTS, name), 'utf8');
}

describe('parseWandbHistory', () => {
  it('reads the run.history() fixture: index, _runtime and _timestamp skipped, empty cells not points', () => {
    expect(parseWandbHistory(fixture('wandb_history_api.csv'))).toEqual({
      ok: true,
      artifact: {
        format: 'wandb-history',
        series: [
          {
            name: 'train/loss',
            points: [
              { step: 0, value: 0.6931 },
              { step: 1, value: 0.5214 },
              { step: 2, value: 0.4463 },
            ],
          },
          {
            name: 'val/loss',
            points: [
              { step: 1, value: 0.5012 },
              { step: 2, value: 0.4512 },
            ],
          },
          {
            name: 'val/accuracy',
            points: [
              { step: 1, value: 0.7833 },
              { step: 2, value: 0.8083 },
            ],
          },
          {
            name: 'epoch',
            points: [
              { step: 0, value: 0 },
              { step: 1, value: 1 },
              { step: 2, value: 2 },
            ],
          },
        ],
        stepName: 'step',
      },
    });
  });

  it('reads an export without the index (index=False), a re-saved "Unnamed: 0" index and CRLF', () => {
    const expected = {
      loss: [
        [0, 0.5],
        [5, 0.25],
      ],
    };
    expect(
      points(
        parseWandbHistory(
          '_step,_runtime,_timestamp,loss\n0,1.5,1718035512.41,0.5\n5,3,1718035513,0.25\n',
        ),
      ),
    ).toEqual(expected);
    expect(
      points(
        parseWandbHistory(
          'Unnamed: 0,_step,_runtime,_timestamp,loss\r\n0,0,1.5,1718035512.41,0.5\r\n1,5,3,1718035513,0.25\r\n',
        ),
      ),
    ).toEqual(expected);
  });

  it('reads logged nan and inf as null points, and skips all-text (media) columns', () => {
    const text = [
      ',_step,_runtime,_timestamp,loss,examples,_wandb',
      "0,0,1,1718035512,nan,\"{'_type': 'table-file'}\",\"{'runtime': 1}\"",
      '1,1,2,1718035513,inf,,',
      '2,2,3,1718035514,0.4,,"{\'runtime\': 3}"',
    ].join('\n');
    expect(points(parseWandbHistory(text))).toEqual({
      loss: [
        [0, null],
        [1, null],
        [2, 0.4],
      ],
    });
  });

  it('keeps a metric never logged in the sampled rows as an empty series', () => {
    expect(points(parseWandbHistory(',_step,_runtime,_timestamp,loss,lr\n0,0,1,2,0.5,\n'))).toEqual(
      {
        loss: [[0, 0.5]],
        lr: [],
      },
    );
  });

  it('names a missing _step column', () => {
    expect(parseWandbHistory('step,loss\n0,0.5\n')).toEqual({
      ok: false,
      message: 'expected a "_step" column (a W&B run.history() export), got "step,loss"',
    });
  });

  it('names the line of a short row, a bad step and a text cell among numbers', () => {
    const header = ',_step,_runtime,_timestamp,loss\n0,0,1,2,0.5\n';
    expect(parseWandbHistory(`${header}1,1,2,3\n`)).toEqual({
      ok: false,
      line: 3,
      message: 'expected 5 values (one per header column), got 4',
    });
    expect(parseWandbHistory(`${header}1,,2,3,0.4\n`)).toEqual({
      ok: false,
      line: 3,
      message: 'expected a whole number for _step, got an empty cell',
    });
    expect(parseWandbHistory(`${header}1,1,2,3,0.4\n2,2,3,4,diverged\n`)).toEqual({
      ok: false,
      line: 4,
      message: 'expected a number for "loss", got "diverged"',
    });
  });

  it('names duplicate or unnamed columns and a file with no metrics', () => {
    expect(parseWandbHistory(',_step,loss,loss\n0,0,1,2\n')).toEqual({
      ok: false,
      line: 1,
      message: 'expected each column once, got "loss" twice',
    });
    expect(parseWandbHistory(',_step,,loss\n0,0,1,2\n')).toEqual({
      ok: false,
      line: 1,
      message: 'expected a name for column 3, got an empty header cell',
    });
    expect(parseWandbHistory(',_step,_runtime,_timestamp\n0,0,1,2\n')).toEqual({
      ok: false,
      message: 'expected metric columns besides _step, _runtime and _timestamp, got none',
    });
    expect(parseWandbHistory(',_step,media\n0,0,{}\n')).toEqual({
      ok: false,
      message: 'expected a numeric metric column, got only text in "media"',
    });
  });
});

describe('parseWandbPanel', () => {
  it('reads the panel fixture: one series named by the metric, __MIN/__MAX ignored', () => {
    expect(parseWandbPanel(fixture('wandb_panel_export.csv'))).toEqual({
      ok: true,
      artifact: {
        format: 'wandb-panel',
        series: [
          {
            name: 'val/loss',
            points: [
              { step: 1, value: 0.5012 },
              { step: 2, value: 0.4512 },
            ],
          },
        ],
        stepName: 'step',
        run: { name: 'gentle-owl-42' },
      },
    });
  });

  it('ignores __MIN/__MAX even when they differ from the value', () => {
    const text =
      '"Step","gentle-owl-42 - val/loss","gentle-owl-42 - val/loss__MIN","gentle-owl-42 - val/loss__MAX"\r\n' +
      '"1","0.5012","0.1","0.9"\r\n';
    expect(points(parseWandbPanel(text))).toEqual({ 'val/loss': [[1, 0.5012]] });
  });

  it('names series "<run> - <metric>" for several runs, skipping the gaps', () => {
    const text = [
      '"Step","gentle-owl-42 - val/loss","gentle-owl-42 - val/loss__MIN","gentle-owl-42 - val/loss__MAX","brisk-fox-7 - val/loss","brisk-fox-7 - val/loss__MIN","brisk-fox-7 - val/loss__MAX"',
      '"1","0.5012","0.5012","0.5012","","",""',
      '"2","0.4512","0.4512","0.4512","0.61","0.61","0.61"',
      '"3","","","","0.55","0.55","0.55"',
    ].join('\n');
    const result = parseWandbPanel(text);
    expect(points(result)).toEqual({
      'gentle-owl-42 - val/loss': [
        [1, 0.5012],
        [2, 0.4512],
      ],
      'brisk-fox-7 - val/loss': [
        [2, 0.61],
        [3, 0.55],
      ],
    });
    expect(artifact(result)).not.toHaveProperty('run');
  });

  it('names series by metric for one run with several metrics', () => {
    const result = parseWandbPanel(
      'Step,run-1 - train/loss,run-1 - val/loss\n10,0.7,0.8\n20,0.5,0.6\n',
    );
    expect(points(result)).toEqual({
      'train/loss': [
        [10, 0.7],
        [20, 0.5],
      ],
      'val/loss': [
        [10, 0.8],
        [20, 0.6],
      ],
    });
    expect(artifact(result).run).toEqual({ name: 'run-1' });
  });

  it('names a wrong first column, missing series columns and bad cells', () => {
    expect(parseWandbPanel('"Relative Time (Process)","run - loss"\n"1","0.5"\n')).toEqual({
      ok: false,
      message:
        'expected a first column "Step" (a W&B panel export with Step on the x axis), got "Relative Time (Process)"',
    });
    expect(
      parseWandbPanel('"Step","run - loss__MIN","run - loss__MAX"\n"1","0.5","0.5"\n'),
    ).toEqual({
      ok: false,
      message: 'expected "<run> - <metric>" columns after "Step", got only __MIN and __MAX columns',
    });
    expect(parseWandbPanel('"Step","run - loss"\n"1","0.5"\n"2"\n')).toEqual({
      ok: false,
      line: 3,
      message: 'expected 2 values (one per header column), got 1',
    });
    expect(parseWandbPanel('"Step","run - loss"\n"1","0.5"\n"2.5","0.4"\n')).toEqual({
      ok: false,
      line: 3,
      message: 'expected a whole number for Step, got "2.5"',
    });
    expect(parseWandbPanel('"Step","run - loss"\n"1","0.5"\n"2","n/a"\n')).toEqual({
      ok: false,
      line: 3,
      message: 'expected a number for "run - loss", got "n/a"',
    });
    expect(parseWandbPanel('"Step","run - loss"\n"1","high"\n')).toEqual({
      ok: false,
      line: 2,
      message: 'expected numbers in "run - loss", got only text',
    });
  });
});
