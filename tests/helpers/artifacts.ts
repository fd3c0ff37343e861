import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Artifact, ImportResult } from '../../src/importers/types.ts';

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
