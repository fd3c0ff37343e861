import { z } from 'astro/zod';
import { calendarDateSchema, endDateSchema, withOrderedDates } from './dates.ts';
import { localPathSchema, type ImageSchema } from './image.ts';
import { publicationSchema } from './publication.ts';
import { textSchema } from './text.ts';
import { urlSchema } from './url.ts';

/** A labelled link on the profile: GitHub, LinkedIn, email. */
const profileLinkSchema = z.strictObject({
  /** The visible text: "GitHub". */
  label: textSchema(40),
  /** https, http or mailto only. */
  url: urlSchema(['https', 'http', 'mailto']),
});

/** A group of skills shown together: "Modelling": [XGBoost, PyTorch]. */
const skillGroupSchema = z.strictObject({
  /** The group's heading. */
  group: textSchema(60),
  /** The skills in it. */
  items: z.array(textSchema(60)).min(1),
});

/** A degree, current or finished. */
const educationSchema = withOrderedDates(
  z.strictObject({
    /** The institution. */
    school: textSchema(120),
    /** "MS Statistics". */
    degree: textSchema(120),
    /** `YYYY-MM`. */
    start: calendarDateSchema,
    /** `YYYY-MM` or `present`; omit if not finished. */
    end: endDateSchema.optional(),
  }),
);

/** A job or internship. */
const experienceSchema = withOrderedDates(
  z.strictObject({
    /** The employer. */
    organization: textSchema(120),
    /** The job title. */
    role: textSchema(120),
    /** `YYYY-MM`. */
    start: calendarDateSchema,
    /** `YYYY-MM` or `present`. */
    end: endDateSchema.optional(),
    /** One sentence on what you did. */
    summary: textSchema(300).optional(),
  }),
);

/** content/profile.yaml: who the portfolio belongs to. */
export function profileSchema<I extends ImageSchema>(image: I) {
  return z.strictObject({
    /** Your name, 1-80 characters. */
    name: textSchema(80),
    /** One line under the name: "Data science intern · MS Statistics". */
    headline: textSchema(120),
    /** City or region. */
    location: textSchema(80).optional(),
    /** Shown as a mailto link. */
    email: z.email().optional(),
    /** A short paragraph; inline Markdown (emphasis, links) allowed; <= 800 characters. */
    bio: textSchema(800).optional(),
    /** A photo, relative to profile.yaml. */
    avatar: image.optional(),
    /** Shown prominently: "Open to full-time roles from June 2027". */
    availability: textSchema(120).optional(),
    /**
     * In a cohort site, the program track you are in ("ML Engineering"): one
     * of cohort.yaml's `tracks` when it lists them. Ignored in a single portfolio.
     */
    track: textSchema(60).optional(),
    /** Links under your name. */
    links: z.array(profileLinkSchema).default([]),
    /** Skills grouped by kind. */
    skills: z.array(skillGroupSchema).default([]),
    /** Degrees. */
    education: z.array(educationSchema).default([]),
    /** Jobs and internships. */
    experience: z.array(experienceSchema).default([]),
    /**
     * Papers, preprints, theses, posters and talks, listed on the home page
     * and the résumé with those of content/publications.bib.
     */
    publications: z.array(publicationSchema).max(500).default([]),
    /** A PDF résumé relative to profile.yaml, published as a file. */
    resume: localPathSchema.optional(),
  });
}

/** The schema with image paths kept as text, for checks that run outside Astro. */
export const profilePathSchema = profileSchema(localPathSchema);

export type ProfileData = z.output<typeof profilePathSchema>;
