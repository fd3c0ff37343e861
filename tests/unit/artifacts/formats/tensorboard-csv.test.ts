import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvRows } from '../../../../src/artifacts/formats/csv-rows.ts';
import {
  parseTensorBoardCsv,
  tensorBoardFileName,
} from '../../../../src/artifacts/formats/tensorboard-csv.ts';
import { ARTIFACTS } from '../../../helpers/artifacts.ts';

const NAME = 'run-train-tag-epoch_loss.csv';
const fixture = fs.readFileSync(path.join(ARTIFACTS, NAME), 'utf8');

describe('parseTensorBoardCsv', () => {
  it('reads the CRLF fixture with float32-widened values kept exact', () => {
    expect(fixture).toContain('\r\n');
    expect(parseTensorBoardCsv(fixture, NAME)).toEqual({
      ok: true,
      artifact: {
        format: 'tensorboard-csv',
        series: [
          {
            name: 'epoch_loss',
            points: [
              { step: 100, value: 0.6930999755859375 },
              { step: 200, value: 0.521399974822998 },
              { step: 300, value: 0.4462999999523163 },
              { step: 400, value: 0.41019999980926514 },
            ],
          },
        ],
        stepName: 'step',
        run: { name: 'train' },
      },
    });
  });

  it('names the series "value" without a run when the file name is unknown or different', () => {
    for (const name of [undefined, 'loss.csv']) {
      const result = parseTensorBoardCsv(fixture, name);
      if (!result.ok) throw new Error(result.message);
      expect(result.artifact.series?.map((series) => series.name)).toEqual(['value']);
      expect(result.artifact).not.toHaveProperty('run');
    }
  });

  it('takes the run and tag from a path, keeping _ where TensorBoard replaced /', () => {
    const result = parseTensorBoardCsv(
      fixture,
      'exports/fit/run-fit_validation-tag-epoch_val_loss.csv',
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.artifact.series?.[0]?.name).toBe('epoch_val_loss');
    expect(result.artifact.run).toEqual({ name: 'fit_validation' });
    expect(tensorBoardFileName('C:\\runs\\run-.-tag-train_loss.csv')).toEqual({
      run: '.',
      tag: 'train_loss',
    });
    expect(tensorBoardFileName('run-train.csv')).toBeUndefined();
  });

  it('reads nan and inf values as missing (null), and LF lines', () => {
    const result = parseTensorBoardCsv(
      'Wall time,Step,Value\n1718035505.1,1,nan\n1718035506.2,2,inf\n1718035507.3,3,0.25\n',
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.artifact.series?.[0]?.points).toEqual([
      { step: 1, value: null },
      { step: 2, value: null },
      { step: 3, value: 0.25 },
    ]);
  });

  it('names a wrong header', () => {
    expect(parseTensorBoardCsv('time,step,loss\r\n1,2,3\r\n')).toEqual({
      ok: false,
      message: 'expected a header "Wall time,Step,Value", got "time,step,loss"',
    });
    expect(parseTensorBoardCsv('')).toEqual({
      ok: false,
      message: 'expected a CSV header line, got an empty file',
    });
    expect(parseTensorBoardCsv('Wall time,Step,Value\r\n')).toEqual({
      ok: false,
      message: 'expected rows of Wall time, Step, Value after the header, got none',
    });
  });

  it('names the line of a short row', () => {
    expect(
      parseTensorBoardCsv(
        'Wall time,Step,Value\r\n1718035505.1,100,0.69\r\n1718035542.6,200,0.52\r\n1718035580.1,300\r\n',
      ),
    ).toEqual({ ok: false, line: 4, message: 'expected 3 values (Wall time, Step, Value), got 2' });
  });

  it('names the line of a bad step, value or wall time', () => {
    const header = 'Wall time,Step,Value\r\n1718035505.1,100,0.69\r\n';
    expect(parseTensorBoardCsv(`${header}1718035542.6,200.5,0.52\r\n`)).toEqual({
      ok: false,
      line: 3,
      message: 'expected a whole number for Step, got "200.5"',
    });
    expect(parseTensorBoardCsv(`${header}1718035542.6,200,low\r\n`)).toEqual({
      ok: false,
      line: 3,
      message: 'expected a number for Value, got "low"',
    });
    expect(parseTensorBoardCsv(`${header},200,0.52\r\n`)).toEqual({
      ok: false,
      line: 3,
      message: 'expected a number of seconds for Wall time, got an empty cell',
    });
  });
});

describe('readCsvRows', () => {
  it('keeps file line numbers across blank lines and quoted line breaks', () => {
    expect(readCsvRows('\uFEFF a , b \r\n\r\n"x\ny",1\n2,3\n')).toEqual({
      ok: true,
      header: { line: 1, cells: ['a', 'b'] },
      rows: [
        { line: 3, cells: ['x\ny', '1'] },
        { line: 5, cells: ['2', '3'] },
      ],
      delimiter: ',',
    });
  });

  it('sniffs ; and tab', () => {
    expect(readCsvRows('a;b\n1;2\n')).toMatchObject({ ok: true, delimiter: ';' });
    expect(readCsvRows('a\tb\n1\t2\n')).toMatchObject({ ok: true, delimiter: '\t' });
  });
});
