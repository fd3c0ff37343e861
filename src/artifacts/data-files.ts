import path from 'node:path';
import { checkLocalFile } from '../files/paths.ts';
import { afterPath } from '../files/read.ts';
import { parseCsv, parseJsonRows, type TableResult } from './data-table.ts';
import { parsedFile } from './read-cache.ts';

/**
 * Reads a CSV or JSON data file named in an MDX file, after the same path
 * checks as frontmatter paths, within the data-file size limit
 * (files/read.ts). Parsed tables are cached by path and modification time
 * (read-cache.ts), so a file used by several charts is read once per build.
 */
export function readDataTable(written: string, mdxFile: string, contentDir: string): TableResult {
  const problem = checkLocalFile(written, mdxFile, contentDir);
  if (problem) return { ok: false, message: problem };
  const absolute = path.resolve(path.dirname(mdxFile), written);
  const extension = path.extname(absolute).toLowerCase();
  if (!['.csv', '.tsv', '.json'].includes(extension)) {
    return { ok: false, message: `${written}: expected a .csv or .json file` };
  }
  // The cache holds the parse, not the message: two MDX files may name one
  // file by different relative paths, and each message quotes its own.
  const result = parsedFile(absolute, 'table', (text) =>
    extension === '.json' ? parseJsonRows(text) : parseCsv(text),
  );
  return result.ok ? result : { ok: false, message: afterPath(written, result) };
}
