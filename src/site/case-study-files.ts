import path from 'node:path';
import config from 'virtual:casefolio/config';
import type { CaseStudy } from './portfolio.ts';

/** The absolute path of the MDX file a case study was loaded from. */
export function caseStudyFile(study: CaseStudy | undefined): string {
  const filePath = study?.entry.filePath;
  if (!filePath) throw new Error('this component can only be used inside a case study');
  return path.resolve(config.root, filePath);
}

/** The content folder, absolute: data files may not leave it. */
export const contentDir = config.contentDir;
