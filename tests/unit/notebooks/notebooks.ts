import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { notebookSchema, type Notebook } from '../../../src/schemas/notebook.ts';

/** Small hand-written notebooks for the notebook tests, in nbformat 4 as Jupyter saves them. */

type Json = Record<string, unknown>;

export function markdown(source: string | string[], extra: Json = {}): Json {
  return { cell_type: 'markdown', metadata: {}, source, ...extra };
}

export function code(
  source: string | string[],
  executionCount: number | null,
  outputs: Json[] = [],
  extra: Json = {},
): Json {
  return {
    cell_type: 'code',
    execution_count: executionCount,
    metadata: {},
    outputs,
    source,
    ...extra,
  };
}

export const stream = (text: string | string[], name = 'stdout'): Json => ({
  output_type: 'stream',
  name,
  text,
});

export const display = (data: Json): Json => ({ output_type: 'display_data', data, metadata: {} });

export const result = (data: Json, count: number | null = null): Json => ({
  output_type: 'execute_result',
  data,
  metadata: {},
  execution_count: count,
});

export const error = (traceback: string[], ename = 'ValueError', evalue = 'bad'): Json => ({
  output_type: 'error',
  ename,
  evalue,
  traceback,
});

/** A notebook's JSON around these cells. */
export function notebookJson(cells: Json[], metadata: Json = {}): Json {
  return { nbformat: 4, nbformat_minor: 5, metadata, cells };
}

/** A notebook as readNotebook returns it. */
export function notebook(cells: Json[], metadata: Json = {}): Notebook {
  return notebookSchema.parse(notebookJson(cells, metadata));
}

/** A 1×1 PNG (a real one, as matplotlib's are), base64. */
export const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-notebook-'));
  dirs.push(dir);
  return dir;
}

/** The notebook fixtures (tests/fixtures/notebooks/README.md says how each was made). */
export const NOTEBOOKS = path.resolve(import.meta.dirname, '../../fixtures/notebooks');

/** The copy of the sklearn notebook (nbclient-executed, nbformat 4.5). */
export const SHARED_NOTEBOOK = path.join(NOTEBOOKS, 'shared/case_study.ipynb');
