import { parsePythonJson } from '../files/python-json.ts';
import { readFileWithin } from '../files/read.ts';
import { MAX_NOTEBOOK_BYTES, megabytes } from '../files/size-limit.ts';
import { describeValue } from '../problems/describe-value.ts';
import { friendlyIssues } from '../problems/friendly-issues.ts';
import { pluralize } from '../problems/plural.ts';
import { formatFieldPath } from '../problems/problem.ts';
import { notebookSchema, type Notebook } from '../schemas/notebook.ts';

/**
 * A notebook read and checked against nbformat 4, or why not. `message` is
 * one line that stands after the notebook's path as the intern wrote it and
 * a colon: `./analysis.ipynb: cells[3].outputs[0].text: expected text ...`.
 */
export type NotebookRead = { ok: true; notebook: Notebook } | { ok: false; message: string };

/** A limit as messages write it: `20 MB`, `0.5 MB`. */
function limitText(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toFixed(2))} MB`;
}

const CONVERT =
  'open it in Jupyter 4 or later (JupyterLab, Notebook 7, VS Code) and save it, or run `jupyter nbconvert --to notebook --nbformat 4 --inplace FILE`';

/**
 * Reads a notebook (never runs it): within `maxBytes` (MAX_NOTEBOOK_BYTES by
 * default), nested no deeper than the JSON depth limit, valid JSON as
 * Python writes it (a bare `NaN`, `Infinity` or `-Infinity` is null, as in
 * every other JSON file Casefolio reads: files/python-json.ts), and
 * nbformat 4 in the shape of `schemas/notebook.ts`. The first problem found
 * is the message, naming the field (`cells[3].outputs[0]: ...`). Never
 * throws.
 */
export function readNotebook(
  absolutePath: string,
  options: { maxBytes?: number | undefined } = {},
): NotebookRead {
  const maxBytes = options.maxBytes ?? MAX_NOTEBOOK_BYTES;
  const read = readFileWithin(
    absolutePath,
    maxBytes,
    (bytes) =>
      `is ${megabytes(bytes)}, over the ${limitText(maxBytes)} limit for notebooks; clear the outputs the page does not show (in Jupyter: right-click a cell, Clear Cell Output), or save large figures as image files beside it`,
  );
  if (!read.ok) return { ok: false, message: `the notebook ${read.message}` };
  // Python's json module, which nbformat writes with, saves a float NaN or
  // infinity in an output or metadata as a bare `NaN`: read as null.
  const parsed = parsePythonJson(read.bytes.toString('utf8'));
  if (!parsed.ok) {
    return {
      ok: false,
      message: parsed.tooDeep
        ? `line ${parsed.line}: the file ${parsed.reason}`
        : `line ${parsed.line}: not valid JSON (${parsed.reason}); a notebook is JSON as Jupyter saves it: open it in Jupyter and save it again, or restore it from version control`,
    };
  }
  const { data } = parsed;
  const version = versionProblem(data);
  if (version) return { ok: false, message: version };
  const checked = notebookSchema.safeParse(data, { reportInput: true });
  if (checked.success) return { ok: true, notebook: checked.data };
  const issues = checked.error.issues.flatMap((issue) => {
    const kind = kindProblem(issue, data);
    return kind ? [kind] : friendlyIssues([issue], notebookSchema);
  });
  const [first] = issues;
  const more =
    issues.length > 1
      ? ` (and ${pluralize(issues.length - 1, 'more problem', 'more problems')})`
      : '';
  return {
    ok: false,
    message: first
      ? `${first.field ? `${first.field}: ` : ''}${first.message}${more}; the notebook does not have the shape Jupyter saves (nbformat 4): open it in Jupyter and save it again`
      : 'the notebook does not have the shape Jupyter saves (nbformat 4)',
  };
}

/** The kinds of cell and output nbformat 4 has, by the field that names them. */
const KINDS: Readonly<Record<string, readonly string[]>> = {
  cell_type: ['markdown', 'code', 'raw'],
  output_type: ['stream', 'display_data', 'execute_result', 'error'],
};

/**
 * A cell or an output of a kind nbformat 4 does not have (nbformat 3's
 * `heading` cells, `pyout` outputs), named by its field: zod reports these
 * as a union that matched nothing.
 */
function kindProblem(
  issue: { code: string; path: PropertyKey[] },
  data: unknown,
): { field: string; message: string } | undefined {
  const field = issue.path.at(-1);
  const kinds = typeof field === 'string' ? KINDS[field] : undefined;
  if (issue.code !== 'invalid_union' || !kinds) return undefined;
  let value: unknown = data;
  for (const segment of issue.path) {
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<PropertyKey, unknown>)[segment]
        : undefined;
  }
  return {
    field: formatFieldPath(issue.path),
    message: `expected one of ${kinds.map((kind) => `"${kind}"`).join(' | ')}, got ${describeValue(value)}`,
  };
}

/** Notebooks other than nbformat 4, and files that are no notebook at all. */
function versionProblem(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return `expected a Jupyter notebook (a JSON object with "cells"), got ${describeValue(data)}`;
  }
  const version = (data as { nbformat?: unknown }).nbformat;
  if (version === undefined) {
    return 'nbformat: required field is missing; this is not a Jupyter notebook (.ipynb files say "nbformat": 4), or it was saved by a tool that does not write one';
  }
  if (typeof version === 'number' && version < 4) {
    return `nbformat ${version} notebooks are not supported (Casefolio reads nbformat 4); ${CONVERT}`;
  }
  if (typeof version === 'number' && version > 4) {
    return `nbformat ${version} is newer than Casefolio reads (nbformat 4); save the notebook as nbformat 4 (\`jupyter nbconvert --to notebook --nbformat 4 --inplace FILE\`)`;
  }
  return undefined;
}
