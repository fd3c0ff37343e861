import { ordinal } from '../problems/plural.ts';
import { didYouMean } from '../problems/did-you-mean.ts';
import type { Notebook, NotebookCell } from '../schemas/notebook.ts';
import { cellOptions } from './cell-options.ts';
import { isImageOutput } from './outputs.ts';
import type { NotebookSelection } from './view.ts';

/**
 * Which cells `<Notebook>` shows. A cell is found by its `#| label:` line,
 * else its `id` (nbformat 4.5), else its execution count (the `12` of
 * `In [12]`, which is all most real notebooks have). Cell tags are honoured
 * as Jupyter Book and nbconvert honour them (`remove-cell`, `remove-input`,
 * `remove-output`), and so are Quarto's `#| include: false`, `#| echo:
 * false` and `#| output: false`.
 */

/** A cell found by a reference, with its 0-based place in the notebook. */
export type FoundCell =
  { ok: true; cell: NotebookCell; index: number } | { ok: false; message: string };

/** A cell `<Notebook>` shows, and which of its parts. */
export interface SelectedCell {
  cell: NotebookCell;
  /** 0-based place in the notebook. */
  index: number;
  /** Whether its code is shown (code cells). */
  input: boolean;
  /** Whether its outputs are shown (code cells). */
  outputs: boolean;
}

/** A code cell's `#| label:`, if it has one. */
function cellOptionLabel(cell: NotebookCell): string | undefined {
  if (cell.cell_type !== 'code') return undefined;
  const label = cellOptions(cell.source).options['label']?.trim();
  return label ? label : undefined;
}

/** A cell's label as the view carries it: `#| label:`, else its id. */
export function cellLabel(cell: NotebookCell): string | undefined {
  return cellOptionLabel(cell) ?? (cell.id ? cell.id : undefined);
}

/**
 * A cell as messages name it, the way a reader finds it in Jupyter: by its
 * label (`cell "roc"`), else by the prompt Jupyter shows beside it, with its
 * place (`In [5] (the 7th cell)`), else by its place (`the 3rd cell`). The
 * prompt comes first because `cells={[5]}` and `alt={{ 5: … }}` mean
 * `In [5]`, not the 5th cell. Ids are not used: nbformat 4.5 makes them
 * random (`7c51cbf4`), and Jupyter does not show them.
 */
export function cellName(cell: NotebookCell, index: number): string {
  const label = cellOptionLabel(cell);
  if (label !== undefined) return `cell ${JSON.stringify(label)}`;
  if (cell.cell_type === 'code' && cell.execution_count !== null) {
    return `In [${cell.execution_count}] (the ${ordinal(index + 1)} cell)`;
  }
  return `the ${ordinal(index + 1)} cell`;
}

/**
 * Finds one cell by label, id or execution count; the failure lists what
 * there is. A reference that names several cells (a label written twice,
 * a count repeated after the kernel restarted) is refused, not read as the
 * first: a metric would show another cell's number without a word.
 */
export function findCell(notebook: Notebook, ref: string | number): FoundCell {
  const { cells } = notebook;
  const where = (matches: (cell: NotebookCell) => boolean) =>
    cells.flatMap((cell, index) => (matches(cell) ? [index] : []));
  if (typeof ref === 'string') {
    const byLabel = where((cell) => cellOptionLabel(cell) === ref);
    if (byLabel.length > 0) {
      return onlyOne(notebook, byLabel, `label ${JSON.stringify(ref)}`, LABEL_EACH);
    }
    const byId = where((cell) => cell.id === ref);
    if (byId.length > 0) {
      return onlyOne(
        notebook,
        byId,
        `id ${JSON.stringify(ref)}`,
        `${LABEL_EACH} (a line "#| label: NAME" at its top)`,
      );
    }
  }
  const count = typeof ref === 'number' ? ref : /^\d+$/.test(ref) ? Number(ref) : undefined;
  if (count !== undefined) {
    const byCount = where((cell) => cell.cell_type === 'code' && cell.execution_count === count);
    if (byCount.length > 0) {
      return onlyOne(
        notebook,
        byCount,
        `In [${count}]`,
        'restart the kernel and run every cell in order (Kernel > Restart Kernel and Run All Cells), or add a line "#| label: NAME" at the top of the cell you mean',
        ': the kernel was restarted and only some cells run again',
      );
    }
  }
  return { ok: false, message: missingMessage(notebook, ref, count) };
}

const LABEL_EACH = 'give each cell a label of its own';

/** The one cell of `indexes`, or a problem naming them all when there are several. */
function onlyOne(
  notebook: Notebook,
  indexes: readonly number[],
  what: string,
  fix: string,
  why = '',
): FoundCell {
  const [index] = indexes;
  if (index === undefined) return { ok: false, message: 'no such cell' };
  if (indexes.length === 1) return found(notebook, index);
  const places = indexes.map((at) => String(at + 1));
  const shown = places.length > 5 ? [...places.slice(0, 4), `${places.length - 4} more`] : places;
  return {
    ok: false,
    message: `${what} names ${indexes.length} cells (cells ${listed(shown)}${why}), so which one is meant is unclear; ${fix}`,
  };
}

function found(notebook: Notebook, index: number): FoundCell {
  const cell = notebook.cells[index];
  return cell ? { ok: true, cell, index } : { ok: false, message: 'no such cell' };
}

/** The most ids a message lists: nbformat 4.5's are random, and a long list of them helps nobody. */
const MAX_LISTED_IDS = 6;

function missingMessage(
  notebook: Notebook,
  ref: string | number,
  count: number | undefined,
): string {
  const what =
    count === undefined
      ? `no cell ${JSON.stringify(ref)} in the notebook`
      : `no cell ran as In [${count}] in the notebook`;
  const names = notebook.cells.flatMap((cell) =>
    [cellOptionLabel(cell) ?? [], cell.id ?? []].flat(),
  );
  const suggestion =
    typeof ref === 'string' && count === undefined ? didYouMean(ref, names) : undefined;
  const hint = suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(suggestion)}?)`;
  return `${what}${hint}; ${cellChoices(notebook)}`;
}

/**
 * The cells a reference may name, as a problem lists them: `it has labels
 * "fit", "roc" and execution counts 1-12; write one of these, or add a line
 * "#| label: NAME" at the top of the cell you mean`. What a notebook lacks
 * comes after what it has (`it has execution counts 1-18 but no #| label:
 * lines`): put first, "no" would read as if it covered the whole list.
 */
export function cellChoices(notebook: Notebook): string {
  const labels = notebook.cells.flatMap((cell) => cellOptionLabel(cell) ?? []);
  const ids = notebook.cells.flatMap((cell) => cell.id ?? []);
  const counts = notebook.cells.flatMap((cell) =>
    cell.cell_type === 'code' && cell.execution_count !== null ? [cell.execution_count] : [],
  );
  const quote = (names: readonly string[]) => names.map((name) => JSON.stringify(name)).join(', ');
  const has = [
    ...(labels.length > 0 ? [`labels ${quote(labels)}`] : []),
    ...(ids.length === 0
      ? []
      : ids.length <= MAX_LISTED_IDS
        ? [`ids ${quote(ids)}`]
        : [`${ids.length} cell ids`]),
    ...(counts.length > 0 ? [`execution counts ${countRanges(counts)}`] : []),
  ];
  const lacks = [
    ...(labels.length > 0 ? [] : ['no #| label: lines']),
    ...(counts.length > 0 ? [] : ['no execution counts (it was saved without being run)']),
  ];
  const what =
    has.length === 0
      ? listed(lacks)
      : lacks.length === 0
        ? listed(has)
        : `${listed(has)} but ${listed(lacks)}`;
  return `it has ${what}; write one of these, or add a line "#| label: NAME" at the top of the cell you mean`;
}

/**
 * How `cells` would name a few of a notebook's cells, as written in MDX
 * (`"roc"`, `12`): its figures first, which tell a story best, then other
 * cells with outputs; by label, else execution count (ids are random).
 * Empty when no code cell has either.
 */
export function exampleCells(notebook: Notebook, count = 2): string[] {
  const named = notebook.cells.flatMap((cell, index) => {
    if (cell.cell_type !== 'code') return [];
    const label = cellOptionLabel(cell);
    const ref =
      label !== undefined
        ? JSON.stringify(label)
        : cell.execution_count !== null
          ? String(cell.execution_count)
          : undefined;
    if (ref === undefined || cell.outputs.length === 0) return [];
    return [{ ref, index, figure: cell.outputs.some(isImageOutput) }];
  });
  // In notebook order, as <Notebook> shows them.
  return [...named.filter((cell) => cell.figure), ...named.filter((cell) => !cell.figure)]
    .slice(0, count)
    .sort((a, b) => a.index - b.index)
    .map((cell) => cell.ref);
}

/** `a`, `a and b`, `a, b and c`. */
function listed(parts: readonly string[]): string {
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** Execution counts as runs: `1-5, 7, 9-10`, in order, each once. */
function countRanges(counts: readonly number[]): string {
  const sorted = [...new Set(counts)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === (sorted[end] ?? 0) + 1) end++;
    runs.push(end === start ? `${sorted[start]}` : `${sorted[start]}-${sorted[end]}`);
    start = end + 1;
  }
  return runs.join(', ');
}

/** A cell's tags (`metadata.tags`), which Jupyter's Property Inspector edits. */
function cellTags(cell: NotebookCell): readonly string[] {
  return cell.metadata.tags ?? [];
}

/** Whether a cell is never shown: tagged `remove-cell`, `#| include: false`, or a raw cell. */
function removed(cell: NotebookCell): string | undefined {
  if (cell.cell_type === 'raw') {
    return 'a raw cell (text nbconvert passes to one output format), which a page does not show';
  }
  if (cellTags(cell).includes('remove-cell')) {
    return 'tagged remove-cell, so it is never shown; remove the tag in Jupyter (the Property Inspector lists cell tags) or leave the cell out of cells';
  }
  if (cell.cell_type === 'code' && cellOptions(cell.source).options['include'] === 'false') {
    return 'marked "#| include: false", so it is never shown; remove that line or leave the cell out of cells';
  }
  return undefined;
}

/**
 * The cells `<Notebook>` shows, in notebook order, and which parts of each.
 * Without `cells`, every cell but the removed ones; with it, each cell a
 * reference names (once, however often it is named). Every reference that
 * names no cell, or a cell that is never shown, is a problem of its own.
 */
export function selectCells(
  notebook: Notebook,
  selection: Pick<NotebookSelection, 'cells' | 'input' | 'outputs'>,
): { cells: SelectedCell[]; problems: string[] } {
  const problems: string[] = [];
  let indexes: Set<number>;
  if (selection.cells === undefined) {
    indexes = new Set(
      notebook.cells.flatMap((cell, index) => (removed(cell) === undefined ? [index] : [])),
    );
  } else {
    indexes = new Set();
    for (const ref of selection.cells) {
      const match = findCell(notebook, ref);
      if (!match.ok) {
        problems.push(match.message);
        continue;
      }
      const why = removed(match.cell);
      if (why)
        problems.push(
          `cells names ${JSON.stringify(ref)}, ${cellName(match.cell, match.index)}, which is ${why}`,
        );
      else indexes.add(match.index);
    }
  }
  const cells = [...indexes]
    .sort((a, b) => a - b)
    .flatMap((index): SelectedCell[] => {
      const cell = notebook.cells[index];
      if (!cell) return [];
      const tags = cellTags(cell);
      const options = cell.cell_type === 'code' ? cellOptions(cell.source).options : {};
      return [
        {
          cell,
          index,
          input: selection.input && !tags.includes('remove-input') && options['echo'] !== 'false',
          outputs:
            selection.outputs && !tags.includes('remove-output') && options['output'] !== 'false',
        },
      ];
    });
  return { cells, problems };
}
