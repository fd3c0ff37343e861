import { z } from 'astro/zod';

/**
 * A Jupyter notebook in nbformat 4, as far as Casefolio reads it (the
 * authoritative shape is nbformat's `nbformat.v4.schema.json`). Every object
 * is loose: fields Casefolio does not read (widget state, execution times,
 * Colab's metadata) pass through unchecked, so any notebook a Jupyter 4 or
 * later saved is accepted. Texts saved as a list of lines are joined into
 * one string here, so nothing after the schema meets the list form.
 *
 * The texts are bare strings, not the contract's `plainString`: a notebook
 * is a file format, and its outputs legitimately hold control characters
 * (ANSI colours, carriage returns), which notebooks/ turns into safe text.
 */

/** A text as nbformat saves it: one string, or a list of lines to join. */
const multilineText = z
  .union([z.string(), z.array(z.string())], {
    error: 'expected text or a list of lines of text',
  })
  .transform((text) => (typeof text === 'string' ? text : text.join('')));

/** nbformat's rule: MIME types ending in `json` hold any JSON value; every other holds text. */
const isJsonMime = (mime: string) => /^application\/(.*\+)?json$/.test(mime);

/**
 * Data keyed by MIME type (`text/plain`, `image/png` as base64,
 * `application/json` as any JSON value). Texts saved as lists are joined.
 */
const mimeBundle = z.record(z.string(), z.unknown()).transform((bundle, ctx) => {
  const joined: Record<string, unknown> = {};
  for (const [mime, value] of Object.entries(bundle)) {
    if (isJsonMime(mime)) joined[mime] = value;
    else if (typeof value === 'string') joined[mime] = value;
    else if (Array.isArray(value) && value.every((line) => typeof line === 'string')) {
      joined[mime] = value.join('');
    } else {
      ctx.issues.push({
        code: 'custom',
        message: 'expected text or a list of lines of text',
        input: value,
        path: [mime],
      });
    }
  }
  return joined;
});

const tags = z.array(z.string()).optional();

/** Cell metadata: `tags` (`remove-input`, `remove-output`, `remove-cell`) is read. */
const cellMetadata = z.looseObject({ tags }).default({});

/** An execution count: the `n` of `In [n]`, null when the cell never ran. */
const executionCount = z.int().min(0).nullable().default(null);

/** Text a cell printed: `name` is `stdout` or `stderr`. */
const streamOutput = z.looseObject({
  output_type: z.literal('stream'),
  /** `stdout` or `stderr` (other names are shown as stdout). */
  name: z.string(),
  text: multilineText,
});

/** A value displayed by `display()` or a figure. */
const displayDataOutput = z.looseObject({
  output_type: z.literal('display_data'),
  data: mimeBundle,
  metadata: z.looseObject({}).default({}),
});

/** The value of a cell's last expression (`Out [n]`). */
const executeResultOutput = z.looseObject({
  output_type: z.literal('execute_result'),
  data: mimeBundle,
  metadata: z.looseObject({}).default({}),
  execution_count: executionCount,
});

/** An exception: `traceback` holds ANSI-coloured lines. */
const errorOutput = z.looseObject({
  output_type: z.literal('error'),
  ename: z.string(),
  evalue: z.string(),
  traceback: z.array(z.string()),
});

const output = z.discriminatedUnion('output_type', [
  streamOutput,
  displayDataOutput,
  executeResultOutput,
  errorOutput,
]);

/** Common to every cell: `id` exists from nbformat 4.5. */
const cellBase = {
  /** The cell's id (nbformat 4.5 and later); older notebooks have none. */
  id: z.string().optional(),
  metadata: cellMetadata,
  source: multilineText,
};

const markdownCell = z.looseObject({
  ...cellBase,
  cell_type: z.literal('markdown'),
  /** Images the Markdown shows as `attachment:<name>`, each a MIME bundle. */
  attachments: z.record(z.string(), mimeBundle).optional(),
});

const codeCell = z.looseObject({
  ...cellBase,
  cell_type: z.literal('code'),
  outputs: z.array(output).default([]),
  execution_count: executionCount,
});

/** Text for nbconvert to pass through to one output format; never shown. */
const rawCell = z.looseObject({
  ...cellBase,
  cell_type: z.literal('raw'),
  attachments: z.record(z.string(), mimeBundle).optional(),
});

const cell = z.discriminatedUnion('cell_type', [markdownCell, codeCell, rawCell]);

export const notebookSchema = z.looseObject({
  /** The major version: 4 (older versions are refused before the schema, with how to convert). */
  nbformat: z.literal(4),
  nbformat_minor: z.int().min(0).default(0),
  metadata: z
    .looseObject({
      /** The kernel: `language` names the language of the code cells. */
      kernelspec: z.looseObject({ language: z.string().optional() }).optional(),
      /** The kernel's language: `name` (`python`, `r`, `julia`). */
      language_info: z.looseObject({ name: z.string().optional() }).optional(),
    })
    .default({}),
  cells: z.array(cell),
});

export type Notebook = z.output<typeof notebookSchema>;
export type NotebookCell = Notebook['cells'][number];
export type CodeCell = Extract<NotebookCell, { cell_type: 'code' }>;
export type NotebookOutput = CodeCell['outputs'][number];
/** Data keyed by MIME type, texts joined. */
export type MimeBundle = Readonly<Record<string, unknown>>;
