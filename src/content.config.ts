import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import config from 'virtual:casefolio/config';
import { slugFromEntry } from './lib/case-study-entries.ts';
import { profileLoader } from './lib/profile-loader.ts';
import { caseStudySchema } from './schemas/case-study.ts';
import { profileSchema } from './schemas/profile.ts';

// Wiring only: which files each collection loads and which schema checks them.
const caseStudies = defineCollection({
  loader: glob({
    pattern: config.caseStudyPatterns,
    base: config.caseStudiesDir,
    generateId: ({ entry }) => slugFromEntry(entry),
  }),
  schema: ({ image }) => caseStudySchema(image()),
});

const profile = defineCollection({
  loader: profileLoader(config.profilePath),
  schema: ({ image }) => profileSchema(image()),
});

export const collections = { caseStudies, profile };
