import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NOTEBOOK_BYTES } from '../../../src/files/size-limit.ts';
import { readNotebook } from '../../../src/notebooks/read.ts';
import { code, notebookJson, NOTEBOOKS, SHARED_NOTEBOOK, stream, tempDir } from './notebooks.ts';

function write(text: string, name = 'a.ipynb'): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

const problem = (text: string, maxBytes?: number) => {
  const read = readNotebook(write(text), { maxBytes });
  if (read.ok) throw new Error('expected a problem');
  return read.message;
};

describe('readNotebook', () => {
  it('reads a real notebook, joining texts saved as lists of lines', () => {
    const read = readNotebook(SHARED_NOTEBOOK);
    if (!read.ok) throw new Error(read.message);
    expect(read.notebook.cells).toHaveLength(6);
    const [first, second] = read.notebook.cells;
    expect(first?.source).toMatch(/^# Breast cancer classifier\n/);
    expect(second?.cell_type === 'code' && second.outputs[0]).toMatchObject({
      output_type: 'stream',
      text: expect.any(String),
    });
  });

  it('keeps fields it does not read', () => {
    const read = readNotebook(
      write(JSON.stringify(notebookJson([code('1', 1, [], { custom: { a: 1 } })], { colab: {} }))),
    );
    expect(read.ok && read.notebook.metadata).toMatchObject({ colab: {} });
    expect(read.ok && read.notebook.cells[0]).toMatchObject({ custom: { a: 1 } });
  });

  it('refuses a notebook over the limit before reading it, naming the limit', () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.ipynb');
    // 21 MB of a valid notebook: one huge stream output.
    const text = JSON.stringify(
      notebookJson([code('print(1)', 1, [stream('x'.repeat(21 * 1024 * 1024))])]),
    );
    fs.writeFileSync(file, text);
    expect(MAX_NOTEBOOK_BYTES).toBe(20 * 1024 * 1024);
    const read = readNotebook(file);
    expect(read).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^the notebook is 21\.00 MB, over the 20 MB limit for notebooks; clear the outputs/,
      ),
    });
    // The limit can be raised.
    expect(readNotebook(file, { maxBytes: 30 * 1024 * 1024 }).ok).toBe(true);
  });

  it('a smaller limit is named as set', () => {
    expect(problem('x'.repeat(600 * 1024), 512 * 1024)).toMatch(
      /^the notebook is 0\.59 MB, over the 0\.5 MB limit/,
    );
  });

  it('refuses JSON nested past the depth limit, with its line, before parsing', () => {
    const deep = `{"nbformat": 4, "cells": [], "metadata": {"x": ${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    expect(problem(deep)).toMatch(
      /^line 1: the file nests lists and objects more than 64 levels deep/,
    );
  });

  it('names the line of invalid JSON', () => {
    expect(problem('{\n  "nbformat": 4,\n  "cells": [,]\n}')).toMatch(
      /^line 3: not valid JSON \(.+\); a notebook is JSON as Jupyter saves it/,
    );
  });

  it('reads the bare NaN and infinities Python writes as null, in outputs and metadata', () => {
    // Written by nbformat without a kernel (fixtures/notebooks/README.md).
    const read = readNotebook(path.join(NOTEBOOKS, 'python-nan.ipynb'));
    if (!read.ok) throw new Error(read.message);
    const [cell] = read.notebook.cells;
    expect(cell?.cell_type === 'code' && cell.outputs[0]).toMatchObject({
      data: {
        'application/json': {
          auc: 0.91,
          loss: null,
          best: null,
          worst: null,
          note: 'NaN stays text',
        },
      },
    });
    expect(read.notebook.metadata).toMatchObject({
      papermill: { parameters: { threshold: null } },
    });
  });

  it('still refuses what is not JSON around a NaN, and a NaN where nbformat wants a number', () => {
    expect(problem('{\n  "nbformat": 4,\n  "cells": [NaN NaN]\n}')).toMatch(
      /^line 3: not valid JSON/,
    );
    expect(problem('{"nbformat": 4, "nbformat_minor": NaN, "metadata": {}, "cells": []}')).toMatch(
      /^nbformat_minor: /,
    );
  });

  it('refuses nbformat 3 and older in one line, saying how to convert', () => {
    const v3 = JSON.stringify({ nbformat: 3, nbformat_minor: 0, metadata: {}, worksheets: [] });
    expect(problem(v3)).toBe(
      'nbformat 3 notebooks are not supported (Casefolio reads nbformat 4); open it in Jupyter 4 or later (JupyterLab, Notebook 7, VS Code) and save it, or run `jupyter nbconvert --to notebook --nbformat 4 --inplace FILE`',
    );
  });

  it('refuses a file that is no notebook', () => {
    expect(problem('[1, 2]')).toBe(
      'expected a Jupyter notebook (a JSON object with "cells"), got a list',
    );
    expect(problem('{"cells": []}')).toMatch(
      /^nbformat: required field is missing; this is not a Jupyter notebook/,
    );
  });

  it('names the field of a schema problem, with how many more there are', () => {
    const json = notebookJson([
      code('1', 1),
      code('2', 2),
      code('3', 3),
      code('4', 4, [{ output_type: 'stream', name: 'stdout', text: 5 }]),
      code('5', 'five' as never),
    ]);
    expect(problem(JSON.stringify(json))).toBe(
      'cells[3].outputs[0].text: expected text | a list, got 5 (and 1 more problem); the notebook does not have the shape Jupyter saves (nbformat 4): open it in Jupyter and save it again',
    );
  });

  it('names an unknown cell or output type', () => {
    const json = notebookJson([{ cell_type: 'heading', source: 'x', metadata: {} }]);
    expect(problem(JSON.stringify(json))).toMatch(
      /^cells\[0\]\.cell_type: expected one of "markdown" \| "code" \| "raw", got "heading"; /,
    );
    const output = notebookJson([code('x', 1, [{ output_type: 'pyout', data: {} }])]);
    expect(problem(JSON.stringify(output))).toMatch(
      /^cells\[0\]\.outputs\[0\]\.output_type: expected one of "stream" \| "display_data" \| "execute_result" \| "error", got "pyout"; /,
    );
  });

  it('is a problem, not a throw, for a missing file or a folder', () => {
    expect(readNotebook(path.join(tempDir(), 'gone.ipynb'))).toEqual({
      ok: false,
      message: 'the notebook could not be read: it is not there any more',
    });
    expect(readNotebook(tempDir())).toEqual({
      ok: false,
      message: 'the notebook could not be read: it is a folder',
    });
  });
});
