import type { CodeCell, MimeBundle, NotebookOutput } from '../schemas/notebook.ts';
import { ansiToHtml, settleCarriageReturns, stripAnsi } from './ansi.ts';
import { cellOptions } from './cell-options.ts';
import { IMAGE_MIMES, isImageMime, writeNotebookImage, type ImageMime } from './images.ts';
import { formulaProblems, prepareMarkdown, type MarkdownContext } from './markdown.ts';
import { parseMarkdownWithin, TOO_DEEP_MARKUP } from './nesting.ts';
import { sanitizeHtmlOutput } from './sanitize.ts';
import type { NotebookSelection, OutputView } from './view.ts';

/**
 * Each saved output of a code cell reduced to one representation a page can
 * show without running anything. Nothing in an output is trusted.
 */

/**
 * The most lines of a stream or traceback a page shows; the rest are
 * counted (`omittedLines`). A hundred lines hold a traceback or a short
 * training log; a longer log belongs in a chart.
 */
export const MAX_OUTPUT_LINES = 100;

/**
 * The most characters of a stream or traceback a page shows, for output
 * printed as a few enormous lines (a list, an array): the line that crosses
 * it is cut and counted among the omitted lines.
 */
export const MAX_OUTPUT_CHARS = 20_000;

/**
 * The MIME types a page shows, most preferred first: an image (as a file,
 * never inline), then HTML (sanitised), Markdown, LaTeX and plain text.
 */
const PREFERRED: readonly string[] = [
  ...IMAGE_MIMES,
  'text/html',
  'text/markdown',
  'text/latex',
  'text/plain',
];

/**
 * Outputs that are programs, not documents: JavaScript, Plotly, Vega and
 * Vega-Lite, ipywidgets, Bokeh and HoloViews. Their `text/html`, if any, only
 * loads the program, so a bundle holding one of these shows its static
 * fallback (an image or `text/plain`) or nothing.
 */
const INTERACTIVE = [
  'application/javascript',
  'application/ecmascript',
  'text/javascript',
  'application/vnd.plotly.',
  'application/vnd.vega',
  'application/vnd.jupyter.widget',
  'application/vnd.bokehjs',
  'application/vnd.holoviews',
];

const STATIC_FALLBACK: readonly string[] = [...IMAGE_MIMES, 'text/plain'];

/** `text/latex` as the page renders it, as Markdown: display math, unless it brings its own `$` delimiters. */
export function latexAsMarkdown(tex: string): string {
  const trimmed = tex.trim();
  return trimmed.startsWith('$') ? trimmed : `$$\n${trimmed}\n$$`;
}

/**
 * What follows a `text/latex` output's formula that does not render. A
 * warning, not a problem: the TeX was written by the cell's code (IPython's
 * `Math` or `Latex`, SymPy, a library's `_repr_latex_`) for a LaTeX or
 * MathJax that knows more commands than Temml, and the page still shows it,
 * as code.
 */
const LATEX_SHOWN_AS_CODE =
  'the page shows this LaTeX output as code; change the TeX the cell writes and run it again, or hide the output (tag the cell remove-output)';

/** The one MIME type of a bundle a page shows, or undefined for none. */
export function chosenMime(bundle: MimeBundle): string | undefined {
  const mimes = Object.keys(bundle);
  const interactive = mimes.some((mime) => INTERACTIVE.some((prefix) => mime.startsWith(prefix)));
  const allowed = interactive ? STATIC_FALLBACK : PREFERRED;
  return allowed.find((mime) => typeof bundle[mime] === 'string');
}

/** The representation an output would be shown as: its MIME type, `stream` or `error`. */
function outputKind(output: NotebookOutput): string | undefined {
  if (output.output_type === 'stream' || output.output_type === 'error') return output.output_type;
  return chosenMime(output.data);
}

/** Whether an output is shown as an image. */
export function isImageOutput(output: NotebookOutput): boolean {
  const kind = outputKind(output);
  return kind !== undefined && isImageMime(kind);
}

/**
 * The alt text of a code cell's image outputs: `#| fig-alt:`, else `#|
 * fig-cap:`, else the `alt` prop's entry for the cell's label, id or
 * execution count, else '' (which the notebook-image-alt lint refuses).
 */
export function outputAlt(cell: CodeCell, alt: NotebookSelection['alt']): string {
  const { options } = cellOptions(cell.source);
  const keys = [
    options['label'],
    cell.id,
    cell.execution_count === null ? undefined : String(cell.execution_count),
  ];
  // Own keys only: a cell labelled `constructor` is not the prop's `constructor`.
  const fromProp = keys.flatMap((key) =>
    key !== undefined && Object.hasOwn(alt, key) && alt[key] !== undefined ? [alt[key]] : [],
  )[0];
  // The alt prop is written where the notebook is shown, for this page:
  // it wins over what the notebook says for every page.
  return (fromProp || options['fig-alt'] || options['fig-cap'] || '').trim();
}

/** A long stream or traceback cut to MAX_OUTPUT_LINES and MAX_OUTPUT_CHARS. */
export function truncateOutput(text: string): { text: string; omittedLines: number } {
  const lines = text.replace(/\n$/, '').split('\n');
  let kept = 0;
  let chars = 0;
  let cut: string | undefined;
  for (const line of lines) {
    if (kept === MAX_OUTPUT_LINES) break;
    if (chars + line.length > MAX_OUTPUT_CHARS) {
      cut = line.slice(0, Math.max(0, MAX_OUTPUT_CHARS - chars));
      break;
    }
    chars += line.length + 1;
    kept++;
  }
  if (kept === lines.length) return { text, omittedLines: 0 };
  const shown = lines.slice(0, kept);
  if (cut) shown.push(cut);
  return { text: shown.join('\n'), omittedLines: lines.length - kept };
}

/** Adjacent stream outputs of one stream, joined as Jupyter shows them. */
function mergeStreams(
  outputs: readonly NotebookOutput[],
): { output: NotebookOutput; number: number }[] {
  const merged: { output: NotebookOutput; number: number }[] = [];
  outputs.forEach((output, index) => {
    const last = merged.at(-1)?.output;
    if (
      output.output_type === 'stream' &&
      last?.output_type === 'stream' &&
      last.name === output.name
    ) {
      merged[merged.length - 1] = {
        output: { ...last, text: last.text + output.text },
        number: merged.at(-1)?.number ?? index + 1,
      };
    } else merged.push({ output, number: index + 1 });
  });
  return merged;
}

export interface OutputsContext extends MarkdownContext {
  /** Alt text and caption of the cell's image outputs. */
  alt: string;
  caption?: string | undefined;
}

/**
 * A code cell's outputs as views. A problem or warning names the output by
 * its 1-based place (`output 2: ...`); the caller names the cell.
 */
export function prepareOutputs(
  outputs: readonly NotebookOutput[],
  context: OutputsContext,
): { views: OutputView[]; problems: string[]; warnings: string[]; unlinked: string[] } {
  const views: OutputView[] = [];
  const problems: string[] = [];
  const warnings: string[] = [];
  const unlinked: string[] = [];
  for (const { output, number } of mergeStreams(outputs)) {
    if (output.output_type === 'stream' || output.output_type === 'error') {
      const text =
        output.output_type === 'stream'
          ? output.text
          : output.traceback.length > 0
            ? output.traceback.join('\n')
            : `${output.ename}: ${output.evalue}`;
      const truncated = truncateOutput(settleCarriageReturns(text));
      if (truncated.text === '' && truncated.omittedLines === 0) continue;
      views.push({
        kind: 'ansi',
        html: ansiToHtml(truncated.text),
        stream:
          output.output_type === 'error' ? 'error' : output.name === 'stderr' ? 'stderr' : 'stdout',
        omittedLines: truncated.omittedLines,
      });
      continue;
    }
    const mime = chosenMime(output.data);
    const data = mime === undefined ? undefined : output.data[mime];
    if (mime === undefined || typeof data !== 'string') continue;
    if (isImageMime(mime)) {
      const written = writeNotebookImage(data, mime as ImageMime, context.imagesDir);
      if (!written.ok) {
        problems.push(
          `output ${number}: ${written.message}; re-run the cell and save the notebook, or hide the output (tag the cell remove-output)`,
        );
        continue;
      }
      const display = displaySize(output.metadata, mime, written.image);
      views.push({
        kind: 'image',
        image: written.image,
        alt: context.alt,
        ...(context.caption ? { caption: context.caption } : {}),
        ...(display ? { display } : {}),
      });
    } else if (mime === 'text/html') {
      const html = sanitizeHtmlOutput(data);
      if (html === undefined) {
        problems.push(
          `output ${number}: its text/html ${TOO_DEEP_MARKUP}; hide the output (tag the cell remove-output)`,
        );
      } else if (html.trim() !== '') views.push({ kind: 'html', html });
    } else if (mime === 'text/markdown') {
      const prepared = prepareMarkdown(data, { ...context, attachments: undefined });
      problems.push(...prepared.problems.map((message) => `output ${number}: ${message}`));
      warnings.push(...prepared.warnings.map((message) => `output ${number}: ${message}`));
      unlinked.push(...prepared.unlinked);
      views.push({
        kind: 'markdown',
        markdown: prepared.markdown,
        ...(Object.keys(prepared.images).length > 0 ? { images: prepared.images } : {}),
      });
    } else if (mime === 'text/latex') {
      // The page renders it as Markdown with math (site/notebook-render.ts): nested as deep as Markdown may.
      if (parseMarkdownWithin(data) === undefined) {
        problems.push(
          `output ${number}: its text/latex ${TOO_DEEP_MARKUP}; hide the output (tag the cell remove-output)`,
        );
      } else {
        for (const problem of formulaProblems(latexAsMarkdown(data))) {
          warnings.push(`output ${number}: ${problem}; ${LATEX_SHOWN_AS_CODE}`);
        }
        views.push({ kind: 'latex', tex: data });
      }
    } else {
      views.push({ kind: 'text', text: stripAnsi(data) });
    }
  }
  return { views, problems, warnings, unlinked };
}

/**
 * The size an output's metadata says to show an image at
 * (`{"image/png": {"width": 568, "height": 434}}`, which IPython writes for
 * a retina figure), when it is a smaller size of the same shape; else
 * undefined, and the image shows at its own size. A metadata size larger
 * than the image, or of another shape, is ignored: it would blur or distort.
 */
export function displaySize(
  metadata: unknown,
  mime: string,
  image: { width: number; height: number },
): { width: number; height: number } | undefined {
  const entry =
    typeof metadata === 'object' && metadata !== null
      ? (metadata as Record<string, unknown>)[mime]
      : undefined;
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { width, height } = entry as { width?: unknown; height?: unknown };
  if (typeof width !== 'number' || !Number.isInteger(width) || width < 1) return undefined;
  if (width >= image.width) return undefined;
  const shaped = Math.round((image.height * width) / image.width);
  const given = typeof height === 'number' && Number.isFinite(height) ? Math.round(height) : shaped;
  // Within a pixel of the image's own shape.
  if (Math.abs(given - shaped) > 1) return undefined;
  return { width, height: Math.max(1, shaped) };
}
