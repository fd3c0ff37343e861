import path from 'node:path';
import type { NotebookProps } from '../../schemas/components.ts';
import { checkLocalFile, isInside } from '../../files/paths.ts';
import { notebookRead } from '../../artifacts/read-cache.ts';
import { prepareNotebook } from '../../notebooks/prepare.ts';
import { lintNotebook, notebookTexts } from '../../notebooks/lints.ts';
import { cellName } from '../../notebooks/select.ts';
import { ordinal } from '../../problems/plural.ts';
import type { Notebook } from '../../schemas/notebook.ts';
import type { NotebookImage, NotebookSelection, NotebookView } from '../../notebooks/view.ts';
import { notebookKey, type NotebookKey } from '../../processes/notebook-views.ts';
import type { LocalFilesContext } from './local-files.ts';

/**
 * `<Notebook src>` in the content check: the notebook read within its size
 * limit, reduced to the view the page renders (its images decoded into
 * files in the build's cache, before Astro's Vite plugins list them) and
 * linted. Problems stop the build; what the lints find goes to
 * content/lints.ts with the other authoring lints, on the element's line.
 */

/** Where the check prepares notebooks, and what it keeps of them. */
export interface NotebookContext {
  /** The folder image outputs are decoded into: a folder of the build's cache. */
  imagesDir: string;
  /** The largest notebook read, in bytes (the `notebookSizeLimit` option). */
  maxBytes: number;
  /** Where views prepared without problems are kept, for the pages to reuse. */
  views: Map<NotebookKey, NotebookView>;
  /** What the lints need of each `<Notebook>` (content/lints.ts). */
  uses: NotebookUse[];
  /** Every image file decoded for the pages, absolute: what virtual:casefolio/notebook-images lists. */
  images: Set<string>;
}

/** A finding of the notebook lints or of preparing the view, for content/lints.ts. */
interface NotebookFinding {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
}

/** One `<Notebook>` as the lints see it. */
export interface NotebookUse {
  /** The element's line in the MDX file. */
  line: number;
  /** `src` as written. */
  src: string;
  /** What the notebook lints and the preparation found, worded after `<Notebook> src: `. */
  findings: NotebookFinding[];
  /** The words the page shows of it, by cell (`analysis.ipynb, cell 3`), for the confidentiality lint. */
  texts: { cell: string; text: string }[];
  /** The image files the page publishes of it, absolute, by cell, for the GPS check. */
  images: { cell: string; file: string }[];
  /** Files beside the notebook that it shows (a markdown cell's images), absolute. */
  reads: string[];
}

/** The selection `<Notebook>`'s props make: which cells, which parts, which alt texts. */
export function notebookSelection(props: NotebookProps): NotebookSelection {
  return {
    ...(props.cells ? { cells: props.cells } : {}),
    input: props.input,
    outputs: props.outputs,
    alt: props.alt,
  };
}

/**
 * Checks `<Notebook>` with its props after their schema, line `line`:
 * returns its problems, worded after `<Notebook> `, and keeps its view and
 * what its lints need in `notebooks`.
 */
export function checkNotebook(
  props: NotebookProps,
  line: number,
  context: LocalFilesContext & { notebooks: NotebookContext },
): string[] {
  const prepared = prepareNotebookFile(props.src, notebookSelection(props), placeOf(context));
  if (!prepared.ok) return [`src: ${prepared.message}`];
  const { view, problems, use } = prepared;
  context.notebooks.uses.push({ line, src: props.src, ...use });
  for (const { file } of use.images) context.notebooks.images.add(file);
  if (problems.length > 0) return problems.map((problem) => `src: ${problem}`);
  context.notebooks.views.set(notebookKey(context.mdxFile, props), view);
  return [];
}

/** Where a notebook is prepared: the MDX file naming it, and the check's folder and limit. */
export interface NotebookPlace extends LocalFilesContext {
  imagesDir: string;
  maxBytes: number;
}

/** A notebook prepared from its file, or why it could not be read (worded after `src: `). */
export type PreparedNotebook =
  | { ok: false; message: string }
  | {
      ok: true;
      view: NotebookView;
      problems: string[];
      use: Omit<NotebookUse, 'line' | 'src'>;
    };

/**
 * Reads the notebook `src` names (inside content/, within the size limit)
 * and prepares the view of `selection`, decoding its images into the
 * place's folder: for the check, and for a page whose notebook the check
 * did not prepare (site/notebooks.ts).
 */
export function prepareNotebookFile(
  src: string,
  selection: NotebookSelection,
  place: NotebookPlace,
): PreparedNotebook {
  const pathProblem = checkLocalFile(src, place.mdxFile, place.contentDir);
  if (pathProblem) return { ok: false, message: pathProblem };
  const notebookFile = path.resolve(path.dirname(place.mdxFile), src);
  const read = notebookRead(notebookFile, place.maxBytes);
  if (!read.ok) return { ok: false, message: `${src}: ${read.message}` };
  const { view, problems, warnings } = prepareNotebook(read.notebook, selection, {
    notebookFile,
    contentDir: place.contentDir,
    imagesDir: place.imagesDir,
  });
  const name = path.basename(notebookFile);
  const findings: NotebookFinding[] = [
    ...warnings.map((message) => ({ rule: 'notebook', severity: 'warning' as const, message })),
    // The lints name the cell, not the notebook: named here as the preparation names both.
    ...lintNotebook(read.notebook, selection).map((finding) => ({
      ...finding,
      message: `${name}${finding.message.startsWith('cell ') ? ', ' : ': '}${finding.message}`,
    })),
  ];
  const images = viewImages(view, read.notebook);
  const texts = notebookTexts(read.notebook, selection).map(({ cell, text }) => ({
    cell: `${name}, ${cell}`,
    text,
  }));
  return {
    ok: true,
    view,
    problems,
    use: {
      findings,
      texts,
      images: images.map(({ cell, image }) => ({ cell: `${name}, ${cell}`, file: image.file })),
      // A markdown cell's image beside the notebook is published from where it is.
      reads: images
        .map(({ image }) => image.file)
        .filter((file) => !isInside(file, place.imagesDir)),
    },
  };
}

function placeOf(context: LocalFilesContext & { notebooks: NotebookContext }): NotebookPlace {
  const { mdxFile, contentDir, notebooks } = context;
  return { mdxFile, contentDir, imagesDir: notebooks.imagesDir, maxBytes: notebooks.maxBytes };
}

/** Every image a view shows (image outputs, the images of Markdown), with its cell as messages name it. */
function viewImages(
  view: NotebookView,
  notebook: Notebook,
): { cell: string; image: NotebookImage }[] {
  return view.cells.flatMap((cell) => {
    const images =
      cell.kind === 'markdown'
        ? Object.values(cell.images)
        : (cell.outputs ?? []).flatMap((output) =>
            output.kind === 'image'
              ? [output.image]
              : output.kind === 'markdown'
                ? Object.values(output.images ?? {})
                : [],
          );
    const source = notebook.cells[cell.index];
    const name = source ? cellName(source, cell.index) : `the ${ordinal(cell.index + 1)} cell`;
    return images.map((image) => ({ cell: name, image }));
  });
}
