import path from 'node:path';
import config from 'virtual:casefolio/config';
import type { CaseStudy } from './portfolio.ts';

/** The absolute path of the MDX file a case study was loaded from. */
export function caseStudyFile(study: CaseStudy | undefined): string {
  const filePath = study?.entry.filePath;
  if (!filePath) throw new Error('this component can only be used inside a case study');
  return path.resolve(config.root, filePath);
}

/** Each cohort member's content folder: the folder of their profile.yaml. */
const memberDirs = config.profiles
  .filter(() => config.entryIds === 'member/slug')
  .map((profile) => path.dirname(profile.path));

/**
 * The folder the data files of a case study (its MDX file, absolute) may not
 * leave: the content folder, or in a cohort the member's own, as the content
 * check keeps each member to theirs.
 */
export function contentDirOf(mdxFile: string): string {
  return memberDirs.find((dir) => mdxFile.startsWith(`${dir}${path.sep}`)) ?? config.contentDir;
}
