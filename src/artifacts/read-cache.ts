import { readFileSync, statSync } from 'node:fs';

/**
 * What has been read from the files content names (artifacts, chart data,
 * confusion matrices), per absolute path: the text and each parse of it,
 * under the modification time it was read at.
 *
 * One file is often named several times: two metrics read one report, a
 * metric and a chart one training log, a chart's format is told from the
 * same text its rows are parsed from. Each is read once and parsed once per
 * way of parsing it, so a build opens every such file once. A changed file
 * (a save in `astro dev`) has a new modification time and is read again;
 * the others are not, so a re-check after a save reads only what changed.
 */
const files = new Map<string, { mtimeMs: number; text: string; parsed: Map<string, unknown> }>();

/** The cached read of a file, read again when its modification time is not the one cached. */
function cached(absolute: string, mtimeMs: number) {
  let read = files.get(absolute);
  if (read?.mtimeMs !== mtimeMs) {
    read = { mtimeMs, text: readFileSync(absolute, 'utf8'), parsed: new Map() };
    files.set(absolute, read);
  }
  return read;
}

/**
 * A file's text as it is now, read at most once per modification time.
 * `mtimeMs` saves a second stat when the caller has just made one.
 */
export function fileText(absolute: string, mtimeMs = statSync(absolute).mtimeMs): string {
  return cached(absolute, mtimeMs).text;
}

/**
 * `parse(text)` of a file as it is now, computed once per modification time
 * for each `as` (the way of parsing it: "table", "matrix", an artifact
 * format). The same object comes back while the file is unchanged.
 */
export function parsedFile<T>(
  absolute: string,
  as: string,
  parse: (text: string) => T,
  mtimeMs = statSync(absolute).mtimeMs,
): T {
  const read = cached(absolute, mtimeMs);
  if (!read.parsed.has(as)) read.parsed.set(as, parse(read.text));
  return read.parsed.get(as) as T;
}
