import { statSync } from 'node:fs';
import { notTextProblem, readDataFile, type ReadProblem } from '../files/read.ts';
import { MAX_NOTEBOOK_BYTES } from '../files/size-limit.ts';
import { readNotebook, type NotebookRead } from '../notebooks/read.ts';

/**
 * What has been read from the files content names (artifacts, chart data,
 * confusion matrices, run folders' files), per absolute path: the text and
 * each parse of it, under the modification time it was read at. Every read
 * is files/read.ts's, so within the data-file limit.
 *
 * One file is often named several times: two metrics read one report, a
 * metric and a chart one training log, a chart's format is told from the
 * same text its rows are parsed from. Each is read once and parsed once per
 * way of parsing it, so a build opens every such file once. A changed file
 * (a save in `astro dev`) has a new modification time and is read again;
 * the others are not, so a re-check after a save reads only what changed.
 */
const files = new Map<
  string,
  { mtimeMs: number; text: string; head: Buffer; parsed: Map<string, unknown> }
>();

/** Notebooks as read and checked against nbformat, per absolute path, under their modification time and limit. */
const notebooks = new Map<string, { mtimeMs: number; maxBytes: number; read: NotebookRead }>();

function modified(absolute: string): number | undefined {
  try {
    return statSync(absolute).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The cached read of a file, read again when its modification time is not the one cached. */
function cached(absolute: string, mtimeMs = modified(absolute)) {
  const known = files.get(absolute);
  if (known !== undefined && mtimeMs !== undefined && known.mtimeMs === mtimeMs) return known;
  const read = readDataFile(absolute);
  const problem = read.ok ? notTextProblem(read.head) : read;
  if (problem) {
    files.delete(absolute);
    return problem;
  }
  if (!read.ok) return read;
  const fresh = {
    mtimeMs: read.mtimeMs,
    text: read.text,
    head: read.head,
    parsed: new Map<string, unknown>(),
  };
  files.set(absolute, fresh);
  return fresh;
}

/**
 * A file's text as it is now, read at most once per modification time, or
 * why it cannot be read. `mtimeMs` saves a second stat when the caller has
 * just made one.
 */
export function fileText(
  absolute: string,
  mtimeMs?: number,
): { ok: true; text: string } | ReadProblem {
  const read = cached(absolute, mtimeMs);
  return 'text' in read ? { ok: true, text: read.text } : read;
}

/**
 * `parse(text)` of a file as it is now, computed once per modification time
 * for each `as` (the way of parsing it: "table", "matrix", an artifact
 * format). The same object comes back while the file is unchanged; a file
 * that cannot be read (or is over the size limit) gives the read's problem.
 */
export function parsedFile<T>(
  absolute: string,
  as: string,
  parse: (text: string) => T,
  mtimeMs?: number,
): T | ReadProblem {
  const read = cached(absolute, mtimeMs);
  if (!('text' in read)) return read;
  if (!read.parsed.has(as)) read.parsed.set(as, parse(read.text));
  return read.parsed.get(as) as T;
}

/**
 * The first bytes of a file this process has already read as it is now
 * (`HEAD_BYTES` of them; for a notebook, its opening brace), or undefined: the location check judges such a file
 * from them instead of opening it a second time.
 */
export function cachedHead(absolute: string): Buffer | undefined {
  const known = files.get(absolute);
  const mtimeMs = modified(absolute);
  if (known !== undefined && known.mtimeMs === mtimeMs) return known.head;
  // A notebook read as nbformat JSON is text that opens with "{" (readNotebook
  // keeps no bytes): that is all the location check asks of a head, that it
  // is no image.
  const notebook = notebooks.get(absolute);
  return notebook?.read.ok && notebook.mtimeMs === mtimeMs ? JSON_HEAD : undefined;
}

const JSON_HEAD = Buffer.from('{');

/**
 * A notebook as `readNotebook` reads it (within `maxBytes`, the
 * `notebookSizeLimit`), read and parsed once per modification time however
 * many metrics name its cells; a notebook that cannot be read keeps its
 * problem until it changes.
 */
export function notebookRead(absolute: string, maxBytes = MAX_NOTEBOOK_BYTES): NotebookRead {
  const mtimeMs = modified(absolute);
  const known = notebooks.get(absolute);
  if (known && mtimeMs !== undefined && known.mtimeMs === mtimeMs && known.maxBytes === maxBytes) {
    return known.read;
  }
  const read = readNotebook(absolute, { maxBytes });
  if (mtimeMs === undefined) notebooks.delete(absolute);
  else notebooks.set(absolute, { mtimeMs, maxBytes, read });
  return read;
}
