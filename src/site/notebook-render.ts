import type { CodeCellView, NotebookImage, NotebookView, OutputView } from '../notebooks/view.ts';
import { latexAsMarkdown } from '../notebooks/outputs.ts';
import { formatNumber } from '../metrics/numbers.ts';
import { dictionary, plural } from '../i18n/dictionaries.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';
import { highlightNotebookCode } from './notebook-code.ts';
import { renderNotebookMarkdown, type ImageAttributes } from './notebook-markdown.ts';
import { withScopedHeaders } from './notebook-tables.ts';

/**
 * A notebook's view (notebooks/view.ts) as the pieces `<Notebook>` puts on
 * the page: Markdown and highlighted code as HTML, outputs ready to show,
 * images as Astro's image pipeline gives them. The component only renders
 * these; nothing here runs anything the notebook holds.
 */

/** How the page gets a notebook's image files through Astro's image pipeline. */
export interface NotebookImages<Image> {
  /** An image output, for `<Image>` (width and height from the file). */
  output(file: string): Promise<Image>;
  /** An image in Markdown, as an `<img>`'s attributes. */
  inline(file: string): Promise<ImageAttributes>;
}

export interface RenderedNotebook<Image> {
  cells: RenderedCell<Image>[];
}

type RenderedCell<Image> =
  | { kind: 'markdown'; html: string }
  | {
      kind: 'code';
      /** `In [12]:`, or `In [ ]:` for a cell that never ran, as Jupyter shows it. */
      prompt: string;
      /** Names an output region for assistive technology: `Output of In [12] in analysis.ipynb`. */
      outputName: string;
      /** The highlighted `<pre>`, absent when code is hidden. */
      code?: string;
      outputs: RenderedOutput<Image>[];
    };

type RenderedOutput<Image> =
  /** A stream or traceback, colours as classes; `omitted` says how much was left out. */
  | { kind: 'ansi'; html: string; error: boolean; omitted?: string }
  | {
      kind: 'image';
      image: Image;
      alt: string;
      caption?: string;
      /** The size to show it at, when its notebook says (a retina figure). */
      display?: { width: number; height: number };
    }
  /** Sanitised `text/html` (a table, mostly). */
  | { kind: 'html'; html: string }
  /** `text/markdown` and `text/latex`, rendered. */
  | { kind: 'rendered'; html: string }
  | { kind: 'text'; text: string };

/** What `In [n]:` says for a cell's execution count. */
export function promptOf(executionCount: number | null): string {
  return `In [${executionCount ?? ' '}]:`;
}

/**
 * A stream's HTML without the blank lines that end it: `print(report)` of a
 * text that ends in a line break leaves one, which a `<pre>` would show as
 * an empty line at the foot of the output panel. Closing tags stay.
 */
export function withoutTrailingBlankLines(html: string): string {
  let end = html.length;
  while (html.endsWith('</span>', end)) end -= '</span>'.length;
  return html.slice(0, end).trimEnd() + html.slice(end);
}

/**
 * Renders a view's cells, in order, images through `images`; `name` is how
 * the page names the notebook, for the names of the regions inside it, and
 * `locale` the page's language, for the words around the cells.
 */
export async function renderNotebook<Image>(
  view: NotebookView,
  images: NotebookImages<Image>,
  name: string,
  locale: Locale = DEFAULT_LOCALE,
): Promise<RenderedNotebook<Image>> {
  const words = dictionary(locale).notebook;
  /** Markdown with the images of its cell or output. */
  const markdownHtml = (
    markdown: string,
    own: Readonly<Record<string, NotebookImage>> = {},
  ): Promise<string> =>
    renderNotebookMarkdown(markdown, async (url) => {
      const image = Object.hasOwn(own, url) ? own[url] : undefined;
      return image ? images.inline(image.file) : undefined;
    });
  const renderOutput = async (output: OutputView): Promise<RenderedOutput<Image>> => {
    switch (output.kind) {
      case 'ansi':
        return {
          kind: 'ansi',
          html: withoutTrailingBlankLines(output.html),
          error: output.stream !== 'stdout',
          ...(output.omittedLines > 0
            ? {
                omitted: plural(
                  words.linesNotShown,
                  output.omittedLines,
                  formatNumber(output.omittedLines, undefined, locale),
                  locale,
                ),
              }
            : {}),
        };
      case 'image':
        return {
          kind: 'image',
          image: await images.output(output.image.file),
          alt: output.alt,
          ...(output.caption ? { caption: output.caption } : {}),
          ...(output.display ? { display: output.display } : {}),
        };
      case 'html':
        return { kind: 'html', html: withScopedHeaders(output.html) };
      case 'markdown':
        return { kind: 'rendered', html: await markdownHtml(output.markdown, output.images) };
      case 'latex':
        return { kind: 'rendered', html: await markdownHtml(latexAsMarkdown(output.tex)) };
      case 'text':
        return { kind: 'text', text: output.text };
    }
  };
  const renderCode = async (cell: CodeCellView): Promise<RenderedCell<Image>> => {
    const prompt = promptOf(cell.executionCount);
    return {
      kind: 'code',
      prompt,
      outputName: words.outputOf(prompt.slice(0, -1), name),
      ...(cell.source !== undefined
        ? { code: await highlightNotebookCode(cell.source, view.language) }
        : {}),
      outputs: await Promise.all((cell.outputs ?? []).map(renderOutput)),
    };
  };
  const cells = await Promise.all(
    view.cells.map(async (cell): Promise<RenderedCell<Image>> => {
      if (cell.kind === 'code') return renderCode(cell);
      return { kind: 'markdown', html: await markdownHtml(cell.markdown, cell.images) };
    }),
  );
  return { cells };
}
