import { z } from 'astro/zod';
import { periodSchema } from './dates.ts';
import { datasetSchema } from './dataset.ts';
import { coverSchema, localPathSchema, type ImageSchema } from './image.ts';
import { projectLinksSchema } from './links.ts';
import { citationKeySchema } from './publication.ts';
import { responsibleSchema } from './responsible.ts';
import { metricListSchema } from './metric.ts';
import { modelSchema } from './model.ts';
import { stakeholderSchema } from './stakeholder.ts';
import { labelListSchema, nameSchema, textSchema } from './text.ts';
import { localeSchema } from './locale.ts';

/**
 * The frontmatter of one case study (content/case-studies/*.mdx). Every
 * field is documented for editors; unknown keys are errors.
 */
export function caseStudySchema<I extends ImageSchema>(image: I) {
  return z.strictObject({
    /** The project's name as a recruiter reads it: 1-120 characters. */
    title: nameSchema(120),
    /** Result first, one or two sentences (<= 280 characters): cards and meta description. */
    summary: textSchema(280),
    /** Where the work happened; may be generic: "A fintech startup (under NDA)". */
    organization: textSchema(120),
    /** Your role: "Data Science Intern". */
    role: textSchema(120),
    /** `{ start: 2025-06, end: 2025-08 }`; `end` may be `present`. */
    period: periodSchema,
    /** Drafts never reach a production build; `npm run dev` shows them. */
    draft: z.boolean().default(false),
    /** Featured case studies lead the home page. */
    featured: z.boolean().default(false),
    /**
     * The language this case study is written in, where it differs from the
     * site's (`casefolio({ locale })`): its page's headings, labels, numbers
     * and dates follow it, and its `<html lang dir>`. `de`, `ar`...
     */
    locale: localeSchema.optional(),
    /** Topics: `churn`, `time series`. Each gets a page under /tags/. */
    tags: labelListSchema.default([]),
    /** Tools and techniques: `Python`, `XGBoost`. Each gets a page under /skills/. */
    skills: labelListSchema.default([]),
    /** An image for the page header, with required alt text. */
    cover: coverSchema(image).optional(),
    /** Who did the work: "2 data scientists, 1 engineer". */
    team: textSchema(160).optional(),
    /** The data the work used. */
    dataset: datasetSchema,
    /** The model or method. */
    model: modelSchema,
    /** Results against baselines; at least one. */
    metrics: metricListSchema,
    /** Who the work was for; at least one. */
    stakeholders: z.array(stakeholderSchema).min(1),
    /** Business outcomes in plain words. */
    impact: z.array(textSchema(300)).default([]),
    /** Intended use, limitations, risks and metrics by group: the "Responsible ML" section. */
    responsible: responsibleSchema.optional(),
    /** Links out: repo, demo, notebook, slides, report, paper, video. */
    links: projectLinksSchema.optional(),
    /**
     * The citation key of the paper this work led to, in content/publications.bib
     * or profile.yaml's `publications:` (`lovelace2025churn`): the page cites it.
     */
    paper: citationKeySchema.optional(),
  });
}

/** The schema with image paths kept as text, for checks that run outside Astro. */
export const caseStudyPathSchema = caseStudySchema(localPathSchema);

/**
 * The schema of one entry in Astro's content collection, whose `image()`
 * resolves paths against that entry. Astro asks for a schema per entry, and
 * building (and compiling) the whole schema each time cost 0.4 s at 1,000
 * case studies, against 13 ms for parsing them all with one schema. So the
 * path schema is shared and only the cover's path goes through the entry's
 * `image()`. The result has the same shape as `caseStudySchema(image)`.
 */
export function caseStudyEntrySchema<I extends ImageSchema>(
  image: I,
): ReturnType<typeof caseStudySchema<I>> {
  const entry = caseStudyPathSchema.transform(async (data, ctx) => {
    if (!data.cover) return data;
    const src = await image.safeParseAsync(data.cover.src);
    if (!src.success) {
      for (const issue of src.error.issues) {
        ctx.addIssue({ code: 'custom', path: ['cover', 'src'], message: issue.message });
      }
      return z.NEVER;
    }
    return { ...data, cover: { ...data.cover, src: src.data } };
  });
  return entry as unknown as ReturnType<typeof caseStudySchema<I>>;
}

export type CaseStudyData = z.output<typeof caseStudyPathSchema>;
