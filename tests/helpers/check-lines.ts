import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { childEnv, listFiles, projectRoot, readUnzipped, testConfigArgs } from './build.ts';

/** The problem lines a build or `npm run check` printed: those that start with a fixture's path. */
export function problemLines(output: string): string[] {
  return output.split('\n').filter((line) => line.startsWith('tests/fixtures/'));
}

/** `npm run check` over a fixture's content, as CI runs it: its exit code and its problem lines. */
export function checkFixture(fixture: string): { status: number | null; lines: string[] } {
  const result = runCheck(`tests/fixtures/${fixture}/content`);
  // Errors go to stderr, warnings (which stop nothing) to stdout.
  return { status: result.status, lines: problemLines(result.stderr) };
}

/**
 * `npm run check` over any content folder (a copy a test wrote under .tmp/):
 * its exit code, its error lines (those naming a file of the folder, as the
 * project root sees it) and everything it printed.
 */
export function checkContent(contentDir: string): {
  status: number | null;
  lines: string[];
  output: string;
} {
  const result = runCheck(contentDir);
  const shown = path.relative(projectRoot, path.resolve(projectRoot, contentDir));
  return {
    status: result.status,
    lines: result.stderr.split('\n').filter((line) => line.startsWith(`${shown}/`)),
    output: result.stdout + result.stderr,
  };
}

/** `npm run check` over a content folder, as CI runs it (no terminal, nothing on stdin). */
export function runCheck(contentDir: string) {
  return spawnSync(
    process.execPath,
    [path.join(projectRoot, 'src/authoring/check.ts'), ...testConfigArgs],
    {
      cwd: projectRoot,
      env: { ...childEnv({ CASEFOLIO_CONTENT_DIR: contentDir }), CI: '1' },
      input: '',
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
}

/** Every file of an output folder that one of the patterns matches, as `file: pattern`. */
export function patternsInOutput(outDir: string, patterns: readonly RegExp[]): string[] {
  return listFiles(outDir).flatMap((file) => {
    const text = readUnzipped(path.join(outDir, file)).toString('utf8');
    return patterns.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern}`);
  });
}
