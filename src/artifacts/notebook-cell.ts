import path from 'node:path';
import { checkLocalFile } from '../files/paths.ts';
import { cellChoices, cellName, findCell } from '../notebooks/select.ts';
import { readCellOutputs } from './formats/notebook-outputs.ts';
import type { Artifact } from './formats/types.ts';
import { notebookRead } from './read-cache.ts';

/** The value a notebook cell shows, with where it is from, or why it cannot be read. */
export type LoadedCell =
  | {
      ok: true;
      artifact: Artifact;
      /** The notebook's file name: `analysis.ipynb`. */
      fileName: string;
      /** The cell as a reader finds it in Jupyter: `cell "report"`, `In [4] (the 5th cell)`. */
      cell: string;
    }
  | { ok: false; message: string };

/**
 * Reads the cell a metric's `from` names (`./analysis.ipynb#report`, as
 * `notebookSource` splits it): the notebook by the path rules of every
 * content path, within `maxBytes` (the `notebookSizeLimit`) and read once
 * however many metrics name it (read-cache.ts); the cell by label, id or
 * execution count (notebooks/select.ts); its value from its saved outputs
 * (formats/notebook-outputs.ts). Messages start with the path as written.
 */
export function loadNotebookCell(
  source: { notebook: string; cell?: string },
  mdxFile: string,
  contentDir: string,
  maxBytes?: number,
): LoadedCell {
  const { notebook: written, cell: ref } = source;
  const problem = checkLocalFile(written, mdxFile, contentDir);
  if (problem) return { ok: false, message: problem };
  const read = notebookRead(path.resolve(path.dirname(mdxFile), written), maxBytes);
  if (!read.ok) return { ok: false, message: `${written}: ${read.message}` };
  if (ref === undefined) {
    return {
      ok: false,
      message: `${written} is a notebook: name the cell whose output holds the value after a #, as in ${written}#NAME; ${cellChoices(read.notebook)}`,
    };
  }
  const at = `${written}#${ref}`;
  const found = findCell(read.notebook, ref);
  if (!found.ok) return { ok: false, message: `${at}: ${found.message}` };
  const name = cellName(found.cell, found.index);
  if (found.cell.cell_type !== 'code') {
    const kind = found.cell.cell_type === 'markdown' ? 'a Markdown cell' : 'a raw cell';
    return {
      ok: false,
      message: `${at}: ${name} is ${kind}, which has no output; name the code cell whose output holds the value`,
    };
  }
  const value = readCellOutputs(found.cell.outputs, found.cell.execution_count);
  if (!value.ok) return { ok: false, message: `${at}: ${name} ${value.message}` };
  return { ok: true, artifact: value.artifact, fileName: path.basename(written), cell: name };
}
