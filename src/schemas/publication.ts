import { z } from 'astro/zod';
import { describeValue } from '../problems/describe-value.ts';
import { nameSchema } from './text.ts';
import { webUrlSchema } from './url.ts';

/**
 * The kinds of publication a portfolio lists, in the order a year's entries
 * are shown: papers first, talks last.
 */
export const publicationTypes = ['paper', 'preprint', 'thesis', 'poster', 'talk'] as const;

export type PublicationType = (typeof publicationTypes)[number];

/** The links a publication shows, in display order: its DOI and arXiv pages, then those written. */
const publicationLinkKinds = ['doi', 'arxiv', 'pdf', 'code', 'slides', 'url'] as const;

export type PublicationLinkKind = (typeof publicationLinkKinds)[number];

/** Text of one shape, refused with what it should look like and what was written. */
function shaped(pattern: RegExp, shape: string) {
  return z.string().superRefine((text, ctx) => {
    if (!pattern.test(text)) {
      ctx.addIssue({ code: 'custom', message: `${shape}, got ${describeValue(text)}` });
    }
  });
}

/**
 * A citation key, as BibTeX writes it (`lovelace2025churn`): what a case
 * study's `paper:` names. No spaces, commas, braces or quotes, which would end
 * the key in a .bib file.
 */
export const citationKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .pipe(
    shaped(
      /^[\p{L}\p{N}:_./+-]+$/u,
      'expected a citation key as BibTeX writes it: letters, digits and : - _ . / + (lovelace2025churn)',
    ),
  );

/** A DOI without its resolver (`10.1145/3292500.3330701`). */
const doiSchema = z
  .string()
  .trim()
  .transform((doi) => doi.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, ''))
  // Braces and backslashes would end the value in a BibTeX entry, and no
  // registered DOI has them, nor a control or format character.
  .pipe(
    shaped(/^10\.\d{4,9}\/[^\s{}\\\p{C}]+$/u, 'expected a DOI such as 10.1145/3292500.3330701'),
  );

/** An arXiv identifier: `2406.01234` (a version such as `v2` allowed) or the older `cs/0112017`. */
const arxivSchema = z
  .string()
  .trim()
  .transform((id) => id.replace(/^(?:https?:\/\/arxiv\.org\/abs\/|arxiv:)/i, ''))
  .pipe(
    shaped(
      /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/,
      'expected an arXiv identifier such as 2406.01234 (or cs/0112017 for older papers)',
    ),
  );

/**
 * One entry of `publications:` in profile.yaml: a paper, preprint, thesis,
 * poster or talk, for interns without a BibTeX file (or for what is not in it).
 */
export const publicationSchema = z.strictObject({
  /** The citation key a case study's `paper:` names; only needed to link one. */
  key: citationKeySchema.optional(),
  /** `paper` (the default), `preprint`, `thesis`, `poster` or `talk`. */
  type: z.enum(publicationTypes).default('paper'),
  /** The title as published. */
  title: nameSchema(300),
  /** Every author in order, as written on the paper ("Ada Lovelace"); yours is shown in bold. */
  authors: z.array(nameSchema(120)).min(1).max(200),
  /** The year it appeared or was given. */
  year: z.int().min(1900).max(2100),
  /** The journal, conference, event or school: "NeurIPS 2025 Workshop on Tabular Data". */
  venue: nameSchema(300).optional(),
  /** Its DOI, shown as a link to doi.org. */
  doi: doiSchema.optional(),
  /** Its arXiv identifier, shown as a link to arxiv.org. */
  arxiv: arxivSchema.optional(),
  /** Where to read it: a PDF. */
  pdf: webUrlSchema.optional(),
  /** Its code repository. */
  code: webUrlSchema.optional(),
  /** Its slides or poster. */
  slides: webUrlSchema.optional(),
  /** Its page elsewhere (the publisher's, a recording of the talk). */
  url: webUrlSchema.optional(),
});

export type PublicationData = z.output<typeof publicationSchema>;
