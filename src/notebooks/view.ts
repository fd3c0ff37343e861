/**
 * What a page renders for `<Notebook>`: a notebook's chosen cells, each
 * output already reduced to one safe representation. Plain data, built once
 * by the content check (notebooks/prepare.ts) and handed to Astro's process,
 * which renders it (site/ and components/mdx/Notebook.astro).
 */

/** Which cells and parts `<Notebook>` shows, from its props. */
export interface NotebookSelection {
  /** Cells by label (`#| label:`), id, or execution count; every cell when absent. */
  cells?: readonly (string | number)[];
  /** Show code (default true). */
  input: boolean;
  /** Show outputs (default true). */
  outputs: boolean;
  /** Alt text for image outputs, keyed by label, id or execution count (as a string). */
  alt: Readonly<Record<string, string>>;
}

export interface NotebookView {
  /** Shiki language of the code cells, from the notebook's metadata (`python` by default). */
  language: string;
  cells: NotebookCellView[];
}

export type NotebookCellView = MarkdownCellView | CodeCellView;

interface MarkdownCellView {
  kind: 'markdown';
  /** 0-based position in the notebook. */
  index: number;
  /**
   * The cell's Markdown with headings demoted under the case study's own,
   * `attachment:` images replaced by their extracted files, and relative
   * links to files the site does not publish turned into plain text.
   */
  markdown: string;
  /** Images the Markdown shows, by the URL written in `markdown`. */
  images: Readonly<Record<string, NotebookImage>>;
}

export interface CodeCellView {
  kind: 'code';
  index: number;
  /** `#| label:`, else the cell id, when there is one. */
  label?: string;
  /** The `In [12]` count, `null` when the cell never ran. */
  executionCount: number | null;
  /** The code without its `#|` option lines; absent when input is hidden. */
  source?: string;
  /** Absent when outputs are hidden. */
  outputs?: OutputView[];
}

export type OutputView =
  | { kind: 'text'; text: string }
  /** A stream or traceback: `html` is escaped text in spans whose classes carry the ANSI colours. */
  | {
      kind: 'ansi';
      html: string;
      stream: 'stdout' | 'stderr' | 'error';
      /** Lines left out of a long output. */
      omittedLines: number;
    }
  | {
      kind: 'image';
      image: NotebookImage;
      alt: string;
      caption?: string;
      /**
       * The size Jupyter shows it at, when the output's metadata gives one
       * smaller than the image: a retina figure (`figure_format = 'retina'`)
       * is saved at twice the size it is meant to be seen at.
       */
      display?: { width: number; height: number };
    }
  /** `text/html` after sanitising (tables and text only). */
  | { kind: 'html'; html: string }
  /** `text/markdown`, through the same transform as Markdown cells. */
  | {
      kind: 'markdown';
      markdown: string;
      /** Images the Markdown shows, by the URL written in `markdown` (as MarkdownCellView's). */
      images?: Readonly<Record<string, NotebookImage>>;
    }
  | { kind: 'latex'; tex: string };

/** An image output or attachment, decoded and written to a file. */
export interface NotebookImage {
  /** Absolute path of the decoded file (named by its SHA-256, so builds are repeatable). */
  file: string;
  mime: 'image/png' | 'image/jpeg' | 'image/svg+xml' | 'image/gif' | 'image/webp';
  width: number;
  height: number;
}
