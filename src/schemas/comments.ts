import { z } from 'astro/zod';
import { textSchema } from './text.ts';

/**
 * `casefolio({ comments })`: reader comments on case-study pages, off by
 * default. The one provider is giscus (giscus.app), which keeps each page's
 * comments as a GitHub Discussion of the repository named here. Its script
 * loads only when a reader asks for the comments, and its origin joins the
 * Content-Security-Policy only when comments are on (comments/giscus.ts).
 */

/** The themes giscus ships (its lib/variables.ts), less `custom`, which needs a stylesheet URL. */
const GISCUS_THEMES = [
  'light',
  'light_high_contrast',
  'light_protanopia',
  'light_tritanopia',
  'dark',
  'dark_high_contrast',
  'dark_protanopia',
  'dark_tritanopia',
  'dark_dimmed',
  'preferred_color_scheme',
  'transparent_dark',
  'noborder_light',
  'noborder_dark',
  'noborder_gray',
  'cobalt',
  'purple_dark',
  'gruvbox',
  'gruvbox_dark',
  'gruvbox_light',
  'catppuccin_latte',
  'catppuccin_frappe',
  'catppuccin_macchiato',
  'catppuccin_mocha',
  'fro',
] as const;

/**
 * A GitHub node ID as giscus.app shows it: a type prefix, an underscore,
 * then base64url characters (`R_kgDOAbCdEf`).
 */
function nodeId(prefix: string, what: string) {
  return z
    .string()
    .trim()
    .refine((value) => new RegExp(`^${prefix}_[A-Za-z0-9_-]{4,}$`).test(value), {
      error: `must be the ${what} giscus.app shows, starting ${prefix}_ (such as ${prefix}_kgDO…)`,
    });
}

const giscusSchema = z
  .strictObject({
    /**
     * The public GitHub repository whose Discussions hold the comments, as
     * `owner/name` (`ada/portfolio`). It needs Discussions turned on and the
     * giscus app installed.
     */
    repo: z
      .string()
      .trim()
      .refine(
        (value) =>
          /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/.test(value) &&
          !value.endsWith('/.') &&
          !value.endsWith('/..'),
        { error: 'must be a GitHub repository as owner/name, such as ada/portfolio' },
      ),
    /** The repository's ID, from giscus.app's configuration section (`data-repo-id`, `R_…`). */
    repoId: nodeId('R', 'repository ID'),
    /** The Discussions category new discussions go in (`data-category`), such as `Comments`. */
    category: z
      .string()
      .trim()
      .min(1, { error: 'must name a Discussions category, such as Comments' })
      .pipe(textSchema(100)),
    /** That category's ID, from giscus.app (`data-category-id`, `DIC_…`). */
    categoryId: nodeId('DIC', 'category ID'),
    /**
     * How a page finds its discussion: by its `pathname` (the default),
     * `url`, `title`, `og:title`, a `specific` term (give `term`), or a
     * discussion's `number` (give `term`).
     */
    mapping: z
      .enum(['pathname', 'url', 'title', 'og:title', 'specific', 'number'])
      .default('pathname'),
    /** With `mapping: 'specific'`, the search term; with `mapping: 'number'`, the discussion's number. */
    term: textSchema(200).optional(),
    /** Match discussions by a SHA-1 of the term, not a fuzzy search of titles. Default false. */
    strict: z.boolean().default(false),
    /** Reactions on the discussion's first post. Default true. */
    reactionsEnabled: z.boolean().default(true),
    /** Where the comment box goes: `bottom` (the default) or `top`, above the comments. */
    inputPosition: z.enum(['top', 'bottom']).default('bottom'),
    /** giscus's language, one of those it is translated into (`en`, `fr`, `zh-CN`…). Default: the page's language (`zh-CN` for `zh-Hans`). */
    lang: z
      .string()
      .trim()
      .refine((value) => /^[a-z]{2,3}(?:-[A-Z][A-Za-z]{1,3})?$/.test(value), {
        error: 'must be a language code giscus knows, such as en, fr or zh-CN',
      })
      .optional(),
    /**
     * One of giscus's themes (`light`, `dark_dimmed`, `preferred_color_scheme`…).
     * Default: the site's own, light or dark, following the theme toggle.
     */
    theme: z
      .enum(GISCUS_THEMES, {
        error: 'must be one of giscus’s themes, such as light, dark or preferred_color_scheme',
      })
      .optional(),
  })
  .superRefine(
    (options, context) => {
      // giscus reads `data-term` for both mappings; without it, every page would share one thread or none.
      if ((options.mapping === 'specific' || options.mapping === 'number') && !options.term) {
        context.addIssue({
          code: 'custom',
          path: ['term'],
          message: `must be given with mapping: '${options.mapping}'`,
        });
      }
      if (
        options.mapping === 'number' &&
        typeof options.term === 'string' &&
        !/^[1-9][0-9]*$/.test(options.term.trim())
      ) {
        context.addIssue({
          code: 'custom',
          path: ['term'],
          message: "must be a discussion's number with mapping: 'number', such as '12'",
        });
      }
    },
    // Checked with the other options' problems, not after they are fixed: one
    // run of `npm run check` names them all. The options may be half-parsed
    // then, so the rule reads only what it can trust (a mapping it knows).
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

export const commentsSchema = z.strictObject({
  /** giscus (giscus.app): comments kept as GitHub Discussions; readers sign in with GitHub to write. */
  giscus: giscusSchema,
});

export type CommentsOptions = z.output<typeof commentsSchema>;
