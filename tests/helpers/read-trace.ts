// Records every read of a file under one folder, by every Node process a
// build or a dev server starts (tests/build/trace-reads.mjs, preloaded through
// NODE_OPTIONS), so a test can count how often, and in which process, each
// file was read.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './build.ts';

/** One recorded read: the reading process's id and the file, relative to the traced folder. */
export interface TracedRead {
  pid: string;
  file: string;
}

export interface ReadTrace {
  /** The environment to build or serve with: Node and its children record their reads. */
  env: Record<string, string>;
  /** Every read recorded so far, in order; none when nothing was read. */
  reads(): TracedRead[];
  /** How many times each of `files` was read. */
  timesRead(files: readonly string[]): Record<string, number>;
  /** Forgets the reads so far: what is read next is counted alone. */
  reset(): void;
}

/**
 * A fresh trace of the reads under `under`, kept in `.tmp/<label>/reads.tsv`
 * (emptied now, so an earlier run's reads never count).
 */
export function readTrace(label: string, under: string): ReadTrace {
  const file = path.join(projectRoot, '.tmp', label, 'reads.tsv');
  rmSync(path.dirname(file), { recursive: true, force: true });
  mkdirSync(path.dirname(file), { recursive: true });
  const preload = pathToFileURL(path.join(projectRoot, 'tests/build/trace-reads.mjs')).href;
  const reads = (): TracedRead[] =>
    existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => {
            const [pid = '', read = ''] = line.split('\t');
            return { pid, file: read };
          })
      : [];
  return {
    env: {
      NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import ${preload}`.trim(),
      CASEFOLIO_TRACE_UNDER: under,
      CASEFOLIO_TRACE_FILE: file,
    },
    reads,
    timesRead: (files) => {
      const all = reads();
      return Object.fromEntries(
        files.map((named) => [named, all.filter((read) => read.file === named).length]),
      );
    },
    reset: () => writeFileSync(file, ''),
  };
}
