/**
 * The limits on what content may make Casefolio read and parse. Each is far
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
