import { statSync } from 'node:fs';
import path from 'node:path';
import { checkLocalFile } from '../files/paths.ts';
import { MAX_DATA_FILE_BYTES } from '../files/size-limit.ts';
import { parseCsv, parseJsonRows, type TableResult } from './data-table.ts';
import { parsedFile } from './read-cache.ts';

/**
 * Reads a CSV or JSON data file named in an MDX file, after the same path
 * checks as frontmatter paths. Parsed tables are cached by path and
 * modification time (read-cache.ts), so a file used by several charts is read
 * once per build.
 */
export function readDataTable(written: string, mdxFile: string, contentDir: string): TableResult {
  const problem = checkLocalFile(written, mdxFile, contentDir);
  if (problem) return { ok: false, message: problem };
  const absolute = path.resolve(path.dirname(mdxFile), written);
  const extension = path.extname(absolute).toLowerCase();
  if (!['.csv', '.tsv', '.json'].includes(extension)) {
    return { ok: false, message: `${written}: expected a .csv or .json file` };
  }
  const stat = statSync(absolute);
  if (stat.size > MAX_DATA_FILE_BYTES) {
    const megabytes = (stat.size / 1024 / 1024).toFixed(2);
    return {
      ok: false,
      message: `${written} is ${megabytes} MB, over the ${MAX_DATA_FILE_BYTES / 1024 / 1024} MB limit for data files; downsample it (for example every 10th row) or keep only the columns you plot`,
    };
  }
  // The cache holds the parse, not the message: two MDX files may name one
  // file by different relative paths, and each message quotes its own.
  const result = parsedFile(
    absolute,
    'table',
    (text) => (extension === '.json' ? parseJsonRows(text) : parseCsv(text)),
    stat.mtimeMs,
  );
  return result.ok ? result : { ok: false, message: `${written}: ${result.message}` };
}
