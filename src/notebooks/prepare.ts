import path from 'node:path';
import type { Notebook } from '../schemas/notebook.ts';
import { cellOptions } from './cell-options.ts';
import { prepareMarkdown } from './markdown.ts';
import { isImageOutput, outputAlt, prepareOutputs } from './outputs.ts';
import { cellLabel, cellName, findCell, selectCells, type SelectedCell } from './select.ts';
import type { NotebookCellView, NotebookSelection, NotebookView, OutputView } from './view.ts';

export interface PrepareContext {
  /** Absolute path of the notebook. */
  notebookFile: string;
  contentDir: string;
  /** Where decoded images are written. */
  imagesDir: string;
}

export interface PreparedNotebook {
  view: NotebookView;
  /**
   * Build-stopping problems, one line each, naming the notebook and the cell
   * (`analysis.ipynb, In [5] (the 7th cell): ...`) and saying how to fix it.
   */
  problems: string[];
  /** Check warnings, worded the same way. */
  warnings: string[];
}

/**
 * The language of a notebook's code cells, as Shiki names languages: the
 * kernel's, else the language_info's, else Python (what Jupyter runs by
 * default). IPython magics (`%matplotlib inline`, `!pip install`) stay in
 * the code as written; Shiki highlights them as Python without complaint.
 */
export function notebookLanguage(notebook: Notebook): string {
  const { kernelspec, language_info } = notebook.metadata;
  const language = kernelspec?.language?.trim() || language_info?.name?.trim() || 'python';
  return language.toLowerCase();
}

/**
 * Reduces a notebook to what `<Notebook>` shows: the chosen cells, each
 * Markdown cell ready for the site's Markdown pipeline, each code cell
 * without its `#|` option lines, each output one safe representation, image
 * outputs and attachments written to `context.imagesDir`. Every problem of
 * every cell is found in one run.
 */
export function prepareNotebook(
  notebook: Notebook,
  selection: NotebookSelection,
  context: PrepareContext,
): PreparedNotebook {
  const name = path.basename(context.notebookFile);
  const problems: string[] = [];
  const warnings: string[] = [];
  const selected = selectCells(notebook, selection);
  problems.push(...selected.problems.map((message) => `${name}: ${message}`));
  const alt = altKeyFindings(notebook, selection, selected.cells);
  problems.push(...alt.problems.map((message) => `${name}: ${message}`));
  warnings.push(...alt.warnings.map((message) => `${name}: ${message}`));
  const cells: NotebookCellView[] = [];
  const unlinked: { cell: string; url: string }[] = [];
  for (const { cell, index, input, outputs } of selected.cells) {
    const where = `${name}, ${cellName(cell, index)}`;
    const at = (messages: readonly string[]) => messages.map((message) => `${where}: ${message}`);
    if (cell.cell_type === 'markdown') {
      const prepared = prepareMarkdown(cell.source, { ...context, attachments: cell.attachments });
      problems.push(...at(prepared.problems));
      warnings.push(...at(prepared.warnings));
      unlinked.push(...prepared.unlinked.map((url) => ({ cell: cellName(cell, index), url })));
      if (prepared.markdown.trim() === '' && Object.keys(prepared.images).length === 0) continue;
      cells.push({ kind: 'markdown', index, markdown: prepared.markdown, images: prepared.images });
      continue;
    }
    if (cell.cell_type !== 'code') continue;
    const { options, body } = cellOptions(cell.source);
    const source = body.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
    let outputViews: OutputView[] | undefined;
    if (outputs) {
      const prepared = prepareOutputs(cell.outputs, {
        ...context,
        alt: outputAlt(cell, selection.alt),
        caption: options['fig-cap']?.trim() || undefined,
      });
      problems.push(...at(prepared.problems));
      warnings.push(...at(prepared.warnings));
      unlinked.push(...prepared.unlinked.map((url) => ({ cell: cellName(cell, index), url })));
      outputViews = prepared.views;
    }
    // A cell with nothing to show (an empty last cell, code hidden and no output) is left out.
    if ((!input || source === '') && (outputViews === undefined || outputViews.length === 0))
      continue;
    const label = cellLabel(cell);
    cells.push({
      kind: 'code',
      index,
      ...(label === undefined ? {} : { label }),
      executionCount: cell.execution_count,
      ...(input ? { source } : {}),
      ...(outputViews === undefined ? {} : { outputs: outputViews }),
    });
  }
  if (unlinked.length > 0) warnings.push(`${name}: ${unlinkedWarning(unlinked)}`);
  return { view: { language: notebookLanguage(notebook), cells }, problems, warnings };
}

/** The most unpublished links one warning lists by name. */
const LISTED_LINKS = 3;

/**
 * One warning for every relative link a notebook's Markdown shows as plain
 * text: real notebooks link to their siblings (`[next](05.03-Model-Validation.ipynb)`)
 * in every cell, and a third-party notebook cannot be edited.
 */
function unlinkedWarning(unlinked: readonly { cell: string; url: string }[]): string {
  const listed = unlinked
    .slice(0, LISTED_LINKS)
    .map(({ cell, url }) => `${JSON.stringify(url)} in ${cell}`);
  const more = unlinked.length - listed.length;
  const which = `${listed.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  const subject =
    unlinked.length === 1
      ? `a link to a file beside the notebook is shown as plain text (${which})`
      : `${unlinked.length} links to files beside the notebook are shown as plain text (${which})`;
  return `${subject}: the site publishes the notebook's cells, not the files beside them; leaving them as text is fine, or point a link at a published copy with a full address (https://github.com/... or https://nbviewer.org/...) to keep it`;
}

/**
 * Each key of the `alt` prop must name a cell, as `cells` does, whose
 * figures this `<Notebook>` shows. A key that names no cell is a problem:
 * its text would describe nothing, and the figure it was meant for (after
 * a re-run renumbered the cells, or keyed by the cell's place in a message
 * instead of its `In [n]`) still has none. One for a cell not shown, or
 * one without a figure, is a warning: harmless, but likely a slip.
 */
function altKeyFindings(
  notebook: Notebook,
  selection: NotebookSelection,
  shown: readonly SelectedCell[],
): { problems: string[]; warnings: string[] } {
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const key of Object.keys(selection.alt)) {
    // As it is written in the MDX: a count bare (`12`), a label or id quoted.
    const ref = /^\d+$/.test(key) ? key : JSON.stringify(key);
    const written = `alt={{ ${ref}: … }}`;
    const match = findCell(notebook, key);
    if (!match.ok) {
      problems.push(`${written}: ${match.message}`);
      continue;
    }
    const cell = shown.find(({ index }) => index === match.index);
    const named = cellName(match.cell, match.index);
    if (!cell) {
      warnings.push(
        `${written} is for ${named}, which this <Notebook> does not show; remove it from alt, or add ${ref} to cells`,
      );
    } else if (
      !cell.outputs ||
      cell.cell.cell_type !== 'code' ||
      !cell.cell.outputs.some(isImageOutput)
    ) {
      warnings.push(
        `${written} is for ${named}, which shows no figure here; remove it from alt, or key it by the cell of the figure`,
      );
    }
  }
  return { problems, warnings };
}
