import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';
import { checkAll, type CheckResult } from '../../src/content/check-all.ts';
import { formatFinding } from '../../src/problems/problem.ts';
import { siteOptionsSchema } from '../../src/schemas/site-options.ts';

/**
 * What every fuzz property shares: the seed (printed, and taken from FC_SEED
 * to replay a run), the number of runs, and a content folder to check.
 *
 * To replay a failure, run the suite with the seed it printed, and the path
 * fast-check's report gives to go straight to the shrunk counterexample:
 *   FC_SEED=1234 FC_PATH="17:2:0" npx vitest run tests/fuzz
 */

/** The seed of this run: FC_SEED when set, a new one otherwise; printed once. */
const seed = (() => {
  const given = process.env['FC_SEED'];
  const value = given !== undefined && given !== '' ? Number(given) : Date.now() % 2 ** 31;
  if (!Number.isInteger(value)) throw new Error(`FC_SEED must be an integer, got "${given}"`);
  console.info(
    `fuzz seed ${value} (replay with FC_SEED=${value}${given === undefined ? '' : ', given'})`,
  );
  return value;
})();

/** fast-check's parameters for a property: the run's seed, FC_PATH when replaying, and `numRuns`. */
export function fuzzParameters(numRuns: number): fc.Parameters<unknown> {
  const replay = process.env['FC_PATH'];
  const runs = Number(process.env['FC_RUNS'] ?? '') || numRuns;
  return { seed, numRuns: runs, ...(replay ? { path: replay } : {}), endOnFailure: false };
}

/** A file of a generated content folder: text, bytes, or a symbolic link to a path. */
export type GeneratedFile = string | Uint8Array | { link: string };

/**
 * A temporary project (root, content/ and an empty public/) for one test
 * file's properties; at `at` when given (a build keeps a cache per content
 * folder, so the folder a property builds stays the same from run to run).
 */
export function fuzzProject(name: string, at?: string) {
  const root = at ?? mkdtempSync(path.join(os.tmpdir(), `casefolio-fuzz-${name}-`));
  mkdirSync(root, { recursive: true });
  const contentDir = path.join(root, 'content');
  const publicDir = path.join(root, 'public');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const lints = siteOptionsSchema.parse({});

  /** Writes the files (paths relative to content/) into a content folder emptied first. */
  const write = (files: Readonly<Record<string, GeneratedFile>>) => {
    rmSync(contentDir, { recursive: true, force: true });
    mkdirSync(publicDir, { recursive: true });
    for (const [relative, body] of Object.entries(files)) {
      const file = path.join(contentDir, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      if (typeof body === 'object' && 'link' in body) symlinkSync(body.link, file);
      else writeFileSync(file, body);
    }
  };

  /**
   * Checks a content folder as `npm run check` does, in this process: the
   * files are written, `checkAll` runs, and every line it would print is
   * held to the contract's shape (`expectProblemLine`, or `expectLine`).
   */
  const check = async (
    files: Readonly<Record<string, GeneratedFile>>,
    expectLine = expectProblemLine,
  ): Promise<CheckResult & { lines: string[]; errors: string[] }> => {
    write(files);
    const result = await checkAll({ root, contentDir, publicDir }, lints);
    const lines = result.findings.map((finding) => formatFinding(finding));
    for (const line of lines) expectLine(line, Object.keys(files));
    const errors = result.findings
      .filter((finding) => finding.severity === 'error')
      .map((finding) => formatFinding(finding));
    return { ...result, lines, errors };
  };

  return { root, contentDir, publicDir, write, check };
}

/** What splits a line for a reader, an editor or `split('\n')`: line ends and separators. */
const LINE_BREAK = /[\n\r\u2028\u2029]/u;

/**
 * Controls that must never reach a terminal inside a problem line: C0 and C1
 * controls other than tab (an ESC starts a terminal escape sequence).
 */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/u;

/** Holds a line to `expectProblemLine`, and also to having no control characters. */
export function expectPrintableLine(line: string, files: readonly string[]): void {
  expectProblemLine(line, files);
  expect(line, 'no control characters').not.toMatch(CONTROL);
}

/**
 * A line as the contract words it: `file:line: field: message`, or `file:
 * message` where no line applies (a problem about a whole file: a link, an
 * image, a missing profile). The file is one of the content folder's, or
 * the profile (which may be missing); the line a positive whole number.
 */
function expectProblemLine(line: string, files: readonly string[]): void {
  expect(line, 'one line').not.toMatch(LINE_BREAK);
  const match = /^(content\/[^:]+?)(?::([1-9]\d*))?: (\S.*)$/su.exec(line);
  expect(match, `file:line: message shape: ${JSON.stringify(line)}`).not.toBeNull();
  const file = match?.[1]?.slice('content/'.length) ?? '';
  const known = [...files, 'profile.yaml'];
  expect(
    known.some(
      (name) => name === file || name.startsWith(`${file}/`) || file.startsWith(`${name}/`),
    ),
    `a file of the content folder: ${JSON.stringify(line)}`,
  ).toBe(true);
}
