import { readFile } from 'node:fs/promises';
import path from 'node:path';
import config from 'virtual:casefolio/config';
import type { ProfileData } from '../schemas/profile.ts';

/**
 * The bytes of the PDF named by `resume` in profile.yaml, for `/resume.pdf`.
 * The path is relative to profile.yaml; the content check made sure it exists
 * inside content/.
 */
export async function readResumePdf(
  resume: NonNullable<ProfileData['resume']>,
): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await readFile(path.resolve(path.dirname(config.profilePath), resume));
  return new Uint8Array(bytes);
}
