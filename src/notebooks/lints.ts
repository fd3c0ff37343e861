import { megabytes } from '../files/size-limit.ts';
import type { CodeCell, Notebook, NotebookOutput } from '../schemas/notebook.ts';
import { stripAnsi } from './ansi.ts';
import { cellOptions } from './cell-options.ts';
import { isImageMime } from './images.ts';
import { chosenMime, isImageOutput, outputAlt } from './outputs.ts';
import { findSecrets } from './secrets.ts';
import { cellName, selectCells, type SelectedCell } from './select.ts';
import type { NotebookSelection } from './view.ts';

/**
 * The notebook lints of `npm run check`, as pure functions of a notebook
 * and what `<Notebook>` shows of it. Each finding's message names the cell
 * the way a reader finds it and says what to do; the caller adds the file
 * and line of the `<Notebook>`.
 */

export interface NotebookFinding {
  rule:
    | 'notebook-not-run'
    | 'notebook-order'
    | 'notebook-image-alt'
    | 'notebook-output-size'
    | 'notebook-secret';
  severity: 'error' | 'warning';
  message: string;
}

/**
 * The largest one output may be, as the page would carry it (an image's
 * decoded bytes, a table's HTML, a stream's text): 2 MB is a large retina
 * figure or a table of thousands of cells, and more makes the page slow to
 * load for what no reader reads.
 */
export const MAX_OUTPUT_BYTES = 2 * 1024 * 1024;

export function lintNotebook(notebook: Notebook, selection: NotebookSelection): NotebookFinding[] {
  const codeCells = notebook.cells.flatMap((cell, index) =>
    cell.cell_type === 'code' ? [{ cell, index }] : [],
  );
  const { cells: shown } = selectCells(notebook, selection);
  return [
    ...notRun(codeCells, selection),
    ...outOfOrder(codeCells),
    ...shown.flatMap((selected) => [
      ...missingAlt(selected, selection),
      ...tooLarge(selected),
      ...secrets(selected, selection.alt),
    ]),
  ];
}

function notRun(
  codeCells: readonly { cell: CodeCell }[],
  selection: NotebookSelection,
): NotebookFinding[] {
  if (!selection.outputs || codeCells.length === 0) return [];
  const ran = codeCells.some(
    ({ cell }) => cell.outputs.length > 0 || cell.execution_count !== null,
  );
  if (ran) return [];
  return [
    {
      rule: 'notebook-not-run',
      severity: 'warning',
      message:
        'the notebook has no saved outputs (it was saved without being run, or its outputs were cleared), so the page shows its code only; Casefolio never runs notebooks: run it in Jupyter (Run > Run All Cells), save it, and build again',
    },
  ];
}

function outOfOrder(codeCells: readonly { cell: CodeCell; index: number }[]): NotebookFinding[] {
  let previous: { cell: CodeCell; index: number; count: number } | undefined;
  for (const { cell, index } of codeCells) {
    const count = cell.execution_count;
    if (count === null) continue;
    if (previous && count <= previous.count) {
      return [
        {
          rule: 'notebook-order',
          severity: 'warning',
          message: `execution counts are out of order: ${cellName(cell, index)} comes after ${cellName(previous.cell, previous.index)}, so the cells were run out of sequence and the saved outputs may not follow from the code above them; restart the kernel and run every cell in order (Kernel > Restart Kernel and Run All Cells), then save`,
        },
      ];
    }
    previous = { cell, index, count };
  }
  return [];
}

/** A key of the `alt` prop as JSX writes it: `12`, `roc`, `"fig-2"`. */
function altKey(cell: CodeCell): string {
  const label = cellOptions(cell.source).options['label'];
  if (label) return /^[A-Za-z_$][\w$]*$/.test(label) ? label : JSON.stringify(label);
  if (cell.execution_count !== null) return String(cell.execution_count);
  return JSON.stringify(cell.id ?? '');
}

function missingAlt(
  { cell, index, outputs }: SelectedCell,
  selection: NotebookSelection,
): NotebookFinding[] {
  if (cell.cell_type !== 'code' || !outputs) return [];
  const images = cell.outputs.filter(isImageOutput).length;
  if (images === 0 || outputAlt(cell, selection.alt) !== '') return [];
  // A cell without a label, id or count cannot be named in the prop: only the option line works.
  const prop =
    cellOptions(cell.source).options['label'] || cell.execution_count !== null || cell.id
      ? `add alt={{ ${altKey(cell)}: "…" }} to <Notebook>, or `
      : '';
  return [
    {
      rule: 'notebook-image-alt',
      severity: 'error',
      message: `${cellName(cell, index)}: ${images === 1 ? 'its image output has' : `its ${images} image outputs have`} no alt text, which people using a screen reader need; ${prop}add a line "#| fig-alt: …" at the top of the cell, describing what the figure shows`,
    },
  ];
}

/** The size of an output as the page would carry it, in bytes. */
function outputBytes(output: NotebookOutput): { bytes: number; what: string } {
  if (output.output_type === 'stream')
    return { bytes: Buffer.byteLength(output.text), what: 'printed text' };
  if (output.output_type === 'error') {
    return { bytes: Buffer.byteLength(output.traceback.join('\n')), what: 'traceback' };
  }
  const mime = chosenMime(output.data);
  const data = mime === undefined ? undefined : output.data[mime];
  if (mime === undefined || typeof data !== 'string') return { bytes: 0, what: '' };
  if (isImageMime(mime) && mime !== 'image/svg+xml') {
    return { bytes: Math.floor((data.replace(/\s+/g, '').length * 3) / 4), what: mime };
  }
  return { bytes: Buffer.byteLength(data), what: mime };
}

function tooLarge({ cell, index, outputs }: SelectedCell): NotebookFinding[] {
  if (cell.cell_type !== 'code' || !outputs) return [];
  return cell.outputs.flatMap((output, number) => {
    const { bytes, what } = outputBytes(output);
    if (bytes <= MAX_OUTPUT_BYTES) return [];
    return [
      {
        rule: 'notebook-output-size' as const,
        severity: 'warning' as const,
        message: `${cellName(cell, index)}: output ${number + 1} (${what}) is ${megabytes(bytes)}, over the ${MAX_OUTPUT_BYTES / 1024 / 1024} MB limit for one output, which makes the page slow to load; show less (df.head(20), a lower dpi for figures), or hide the output (tag the cell remove-output)`,
      },
    ];
  });
}

/** The text of an output as a page shows it: escape codes gone, one representation. */
function outputText(output: NotebookOutput): string {
  if (output.output_type === 'stream') return stripAnsi(output.text);
  if (output.output_type === 'error') return stripAnsi(output.traceback.join('\n'));
  const mime = chosenMime(output.data);
  const data = mime === undefined ? undefined : output.data[mime];
  if (mime === 'image/svg+xml' && typeof data === 'string') {
    // An SVG's words (a title, axis labels) are published with the file.
    return data.replace(/<[^>]*>/g, ' ');
  }
  if (mime === undefined || typeof data !== 'string' || isImageMime(mime)) return '';
  return mime === 'text/plain' ? stripAnsi(data) : data;
}

/**
 * A code cell's figure words the page shows with its images: the alt text
 * (`#| fig-alt:`, unless the `alt` prop replaces it) and `#| fig-cap:`.
 */
function figureText(cell: CodeCell, alt: NotebookSelection['alt']): string {
  if (!cell.outputs.some(isImageOutput)) return '';
  const caption = cellOptions(cell.source).options['fig-cap']?.trim();
  return [outputAlt(cell, alt), caption === outputAlt(cell, alt) ? '' : caption]
    .filter(Boolean)
    .join('\n');
}

/** The texts a page shows of one cell: its Markdown, its shown code, its shown outputs and figure words. */
function shownTexts(
  { cell, input, outputs }: SelectedCell,
  alt: NotebookSelection['alt'],
): { part: string; text: string }[] {
  if (cell.cell_type === 'markdown') return [{ part: 'text', text: cell.source }];
  if (cell.cell_type !== 'code') return [];
  return [
    ...(input ? [{ part: 'code', text: cellOptions(cell.source).body }] : []),
    ...(outputs
      ? [
          ...cell.outputs.map((output) => ({ part: 'output', text: outputText(output) })),
          { part: 'alt text or caption', text: figureText(cell, alt) },
        ]
      : []),
  ];
}

function secrets(selected: SelectedCell, alt: NotebookSelection['alt']): NotebookFinding[] {
  const findings: NotebookFinding[] = [];
  const reported = new Set<string>();
  for (const { part, text } of shownTexts(selected, alt)) {
    for (const secret of findSecrets(text)) {
      const key = `${part} ${secret.name}`;
      if (reported.has(key)) continue;
      reported.add(key);
      findings.push({
        rule: 'notebook-secret',
        severity: 'error',
        message: `${cellName(selected.cell, selected.index)}: its ${part} holds what looks like ${secret.name} (${secret.hint}), which the page would publish; revoke it with its issuer now (it may be in the notebook's history too), then remove it from the notebook (read it from an environment variable instead), re-run and save`,
      });
    }
  }
  return findings;
}

/**
 * The text a page shows of a notebook, cell by cell: Markdown cells, the
 * shown code and the shown outputs (escape codes gone, one representation
 * each; images have none). The content lints apply the confidentiality lint
 * (emails, internal hosts) to it; `cell` names the cell as messages do.
 */
export function notebookTexts(
  notebook: Notebook,
  selection: NotebookSelection,
): { cell: string; text: string }[] {
  return selectCells(notebook, selection).cells.flatMap((selected) =>
    shownTexts(selected, selection.alt)
      .filter(({ text }) => text.trim() !== '')
      .map(({ text }) => ({ cell: cellName(selected.cell, selected.index), text })),
  );
}
