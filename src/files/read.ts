import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_DATA_FILE_BYTES, megabytes } from './size-limit.ts';

/**
 * Why a file could not be read, as the rest of a sentence that starts with
 * its path as written: `./big.csv` + ` ` + `is 6.00 MB, over the 5 MB limit
 * ...` (`followsPath`, so a message is never `./big.csv: is ...`).
 */
export interface ReadProblem {
  ok: false;
  message: string;
  followsPath: true;
}

/** A file's text and the modification time it was read at, or why it could not be read. */
export type FileRead = { ok: true; text: string; head: Buffer; mtimeMs: number } | ReadProblem;

/**
 * How many of a file's first bytes a read keeps as they are (`head`): enough
 * to tell an image format by its signature, so the location check can judge a
 * file the content check has already read without opening it again.
 */
export const HEAD_BYTES = 256;

/** `message` as a problem that follows the path. */
export function readProblem(message: string): ReadProblem {
  return { ok: false, message, followsPath: true };
}

/**
 * A problem with the file at `written` as one sentence: after the path
 * (`./big.csv is 6.00 MB, ...`) for a read's problem, after a colon for any
 * other (`./history.csv: row 3 has ...`).
 */
export function afterPath(written: string, problem: { message: string }): string {
  return 'followsPath' in problem
    ? `${written} ${problem.message}`
    : `${written}: ${problem.message}`;
}

/** A file over the data-file limit, as every reader words it after the file's path. */
export function tooLargeMessage(bytes: number): string {
  return `is ${megabytes(bytes)}, over the ${MAX_DATA_FILE_BYTES / 1024 / 1024} MB limit for data files; downsample it (for example every 10th row) or keep only the columns you plot`;
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'it is not there any more',
  EACCES: 'permission denied; make it readable',
  EPERM: 'permission denied; make it readable',
  EISDIR: 'it is a folder',
  ELOOP: 'its links lead back to themselves in a loop',
};

function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return `could not be read: ${REASONS[code] ?? (code.toLowerCase() || 'unknown error')}`;
}

/** Whether a file's first bytes are UTF-16 text: a byte-order mark, or ASCII with a NUL in every other byte. */
export function isUtf16(head: Buffer): boolean {
  return (
    (head[0] === 0xff && head[1] === 0xfe) ||
    (head[0] === 0xfe && head[1] === 0xff) ||
    (head.length >= 4 && ((head[1] === 0 && head[3] === 0) || (head[0] === 0 && head[2] === 0)))
  );
}

/**
 * Why a data file's first bytes are not text this reads, or undefined.
 * Excel's "Unicode Text" and some Windows tools save UTF-16, which read as
 * UTF-8 is a letter and a NUL byte in turn: a CSV of one column of noise,
 * reported as a table of the wrong shape. A NUL byte is never in a CSV or
 * JSON file written as UTF-8; a spreadsheet, Parquet or pickle file has
 * them.
 */
export function notTextProblem(head: Buffer): ReadProblem | undefined {
  if (isUtf16(head)) {
    return readProblem(
      'is saved as UTF-16 text; save it again as UTF-8 (in Excel, "CSV UTF-8"; pandas writes UTF-8 unless given another encoding)',
    );
  }
  if (head.includes(0)) {
    return readProblem(
      'is not a text file (it holds NUL bytes, as a spreadsheet, Parquet or pickle file does); export the data as CSV or JSON',
    );
  }
  return undefined;
}

/** A file's bytes and the modification time they were read at, or why they could not be read. */
export type BytesRead = { ok: true; bytes: Buffer; mtimeMs: number } | ReadProblem;

/**
 * The one read of a file that content names (chart data, an artifact, a
 * confusion matrix, each file of a run folder): its text as UTF-8, never
 * more than the data-file limit. See `readFileWithin` for how the limit and
 * the file's kind are held.
 */
export function readDataFile(absolute: string): FileRead {
  const read = readFileWithin(absolute, MAX_DATA_FILE_BYTES, tooLargeMessage);
  if (!read.ok) return read;
  return {
    ok: true,
    text: read.bytes.toString('utf8'),
    head: Buffer.from(read.bytes.subarray(0, Math.min(read.bytes.length, HEAD_BYTES))),
    mtimeMs: read.mtimeMs,
  };
}

/**
 * A file's bytes, never more than `maxBytes` (above it, `tooLarge(bytes)` is
 * the problem). The size is taken from the open file, so a file over the
 * limit is refused before a byte of it is read, and one that grows while it
 * is read is refused too. Only regular files are read: a folder, a pipe
 * (opened without waiting for a writer) or a device is refused. Never
 * throws; a problem is the rest of a sentence for the caller to put after
 * the path as the intern wrote it.
 */
export function readFileWithin(
  absolute: string,
  maxBytes: number,
  tooLarge: (bytes: number) => string,
): BytesRead {
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return readProblem(unreadable(error));
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return readProblem(unreadable({ code: 'EISDIR' }));
    if (!stats.isFile()) {
      return readProblem('is not a file but a device, pipe or socket; copy the file in instead');
    }
    if (stats.size > maxBytes) return readProblem(tooLarge(stats.size));
    // One byte more than measured, to see a file that grows while it is read.
    let buffer = Buffer.alloc(stats.size + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, length);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) return readProblem(tooLarge(length));
      if (length === buffer.length) {
        const grown = Buffer.alloc(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(grown);
        buffer = grown;
      }
    }
    return { ok: true, bytes: buffer.subarray(0, length), mtimeMs: stats.mtimeMs };
  } catch (error) {
    return readProblem(unreadable(error));
  } finally {
    closeSync(fd);
  }
}
