import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import type { Artifact, ImportResult } from '../../src/artifacts/formats/types.ts';
import { readRunFolder } from '../../src/artifacts/run-folder.ts';

/** Genuine and format-example artifacts copied from the spec's fixtures. */
export const ARTIFACTS = fileURLToPath(new URL('../fixtures/artifacts', import.meta.url));

/** The text of a fixture artifact. */
export function readArtifact(name: string): string {
  return readFileSync(path.join(ARTIFACTS, name), 'utf8');
}

/** The artifact of a successful import; fails the test with the problem otherwise. */
export function artifact(result: ImportResult): Artifact {
  if (!result.ok) throw new Error(`expected an artifact, got: ${result.message}`);
  return result.artifact;
}

/** Series name -> [step, value] pairs, for compact assertions. */
export function points(result: ImportResult): Record<string, [number, number | null][]> {
  return Object.fromEntries(
    (artifact(result).series ?? []).map((series) => [
      series.name,
      series.points.map((point): [number, number | null] => [point.step, point.value]),
    ]),
  );
}

/** A temporary project with one case study whose folder holds every fixture artifact. */
export interface ArtifactSite {
  root: string;
  contentDir: string;
  /** content/case-studies/x */
  dir: string;
  /** content/case-studies/x/index.mdx */
  mdxFile: string;
}

/**
 * Creates content/case-studies/x/index.mdx with the fixture artifacts (mlruns/
 * included) and `files` (paths relative to the case-study folder) beside it;
 * removed when the test finishes.
 */
export function artifactSite(files: Record<string, string> = {}): ArtifactSite {
  const root = mkdtempSync(path.join(tmpdir(), 'casefolio-artifacts-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  const contentDir = path.join(root, 'content');
  const dir = path.join(contentDir, 'case-studies', 'x');
  mkdirSync(dir, { recursive: true });
  cpSync(ARTIFACTS, dir, { recursive: true });
  const mdxFile = path.join(dir, 'index.mdx');
  writeFileSync(mdxFile, '---\ntitle: x\n---\n');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return { root, contentDir, dir, mdxFile };
}

/** The files of a run folder as text (`readRunFolder`); fails the test with the problem otherwise. */
export function runFolderTexts(dir: string): Map<string, string> {
  const read = readRunFolder(dir);
  if (!read.ok) throw new Error(`expected a readable run folder, got: ${read.message}`);
  return read.files;
}
