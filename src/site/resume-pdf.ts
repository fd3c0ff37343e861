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
  member?: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const profile = config.profiles.find(({ id }) => id === (member ?? 'profile'));
  if (!profile) throw new Error(`no profile was loaded for ${member ?? 'the portfolio'}`);
  const bytes = await readFile(path.resolve(path.dirname(profile.path), resume));
  return new Uint8Array(bytes);
}
