/**
 * The limits on what content may make Casefolio read and parse, and the
 * checks of them that need no parser. Each is far
 * above what a real export reaches, and low enough that no file, however
 * made, can exhaust memory, overflow the stack or stall a build: a file over
 * one fails the check with a one-line problem naming it.
 */

/**
 * The size limit of every data file content names: a chart's data, an
 * artifact, a confusion matrix, each file of an MLflow run folder. Above it
 * the build fails before the file is read: a chart cannot show more than a
 * thousand points per series anyway, and a huge file slows every build.
 */
export const MAX_DATA_FILE_BYTES = 5 * 1024 * 1024;

/**
 * The default size limit of a Jupyter notebook (`<Notebook src>`, a metric's
 * `from: ./x.ipynb#cell`), which the site's options may change. Notebooks
 * carry their figures as base64 inside the JSON, so they run larger than
 * data files: 20 MB holds a few dozen figures, while a notebook above it is
 * nearly always one that saved a huge output (a widget's state, a printed
 * data frame) that no page should carry.
 */
export const MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024;

/**
 * The largest content/publications.bib: an intern's publications are a few
 * kilobytes, a long career's a few hundred; a reference manager's whole
 * library exported by mistake is refused before it is read (reading a
 * megabyte of entries takes seconds).
 */
export const MAX_BIBTEX_BYTES = 1024 * 1024;

/**
 * The largest PDF résumé profile.yaml may name (`resume`): applicant-tracking
 * systems and job sites refuse larger uploads (limits of 2 to 5 MB are
 * common), and a résumé of text is far smaller: Chromium's "Save as PDF" of
 * `/resume/` is under 100 KB. Above it the check fails before the file is read.
 */
export const MAX_RESUME_PDF_BYTES = 2.5 * 1024 * 1024;

/**
 * The most an MLflow run folder may hold, its files together (`artifacts/`
 * is never read, so it does not count): every file is read and parsed, and a
 * run that logs a few metrics for a few thousand steps holds well under 1 MB.
 */
export const MAX_RUN_FOLDER_BYTES = 20 * 1024 * 1024;

/**
 * The most files an MLflow run folder may hold (again without `artifacts/`):
 * a run logs one file per metric, parameter and tag, rarely more than a few
 * hundred; a folder of many thousands is not a run, and walking it slows
 * every check.
 */
export const MAX_RUN_FOLDER_FILES = 10_000;

/**
 * How deeply a JSON file's lists and objects may nest. The artifacts
 * Casefolio reads nest three or four levels (trainer_state.json's
 * `log_history` entries, a classification report's classes); a file nested
 * thousands of levels deep (60 KB is enough) would overflow the stack of
 * everything that walks it afterwards.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The most rows a CSV file may hold (a training log's steps, a curve's
 * thresholds): charts draw at most 1,000 points per series, so a longer
 * file is downsampled away while every row still costs time and memory.
 */
export const MAX_CSV_ROWS = 200_000;

/**
 * The longest a CSV cell may be, in characters: a cell holds a number, a
 * class name or a short note; a longer one is a pasted blob (a log, an
 * encoded image) that would be copied into the page's chart data.
 */
export const MAX_CSV_CELL_CHARS = 10_000;

/** Bytes as messages show them: `5.20 MB`. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** Why a JSON file nested too deeply is refused, as every JSON reader words it. */
export const TOO_DEEP = `nests lists and objects more than ${MAX_JSON_DEPTH} levels deep, the limit (exports nest a few levels); save only the values the page shows`;

/**
 * The 1-based line where a JSON text first nests lists and objects more than
 * MAX_JSON_DEPTH levels deep, if it does. Counted on the text, before it is
 * parsed, in one loop: no depth can overflow the stack here, and a file that
 * passes cannot overflow it in anything that walks the parsed value.
 */
export function tooDeepLine(text: string): number | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // Brackets inside strings do not nest; a backslash escapes the next character.
    if (code === 0x0a) line++;
    else if (inString) {
      if (code === 0x5c) index++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return line;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return undefined;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The first way a CSV file's records (its header included) break the CSV
 * limits, MAX_CSV_ROWS rows and MAX_CSV_CELL_CHARS characters in a cell:
 * the problem, with the record's line (its 1-based place when `line` is not
 * known). Every reader of CSV checks its records here before using them.
 */
export function csvLimitProblem(
  records: readonly { cells: readonly string[]; line?: number }[],
): { ok: false; line?: number; message: string } | undefined {
  const rows = records.length - 1;
  if (rows > MAX_CSV_ROWS) {
    return {
      ok: false,
      message: `the file has ${count(rows)} rows, over the ${count(MAX_CSV_ROWS)}-row limit for data files; downsample it (for example every 10th row)`,
    };
  }
  for (const [index, { cells, line }] of records.entries()) {
    const column = cells.findIndex((cell) => cell.length > MAX_CSV_CELL_CHARS);
    if (column === -1) continue;
    return {
      ok: false,
      line: line ?? index + 1,
      message: `column ${column + 1} holds a cell of ${count(cells[column]?.length ?? 0)} characters, over the ${count(MAX_CSV_CELL_CHARS)}-character limit for a cell; shorten it or leave it out`,
    };
  }
  return undefined;
}
