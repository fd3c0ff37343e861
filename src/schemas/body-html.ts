/**
 * The HTML rules of every body an intern writes or brings (an MDX body, a
 * notebook's Markdown): the elements refused whatever they hold, and the
 * attributes whose values are URLs, which the link rule (url.ts) judges.
 */

/** Why each refused element is refused, and what to do instead. */
const EMBEDS =
  'it would load another site or a plugin into the page; link to it instead, or embed a video through a component you add on purpose';
export const REFUSED_ELEMENTS: Readonly<Record<string, string>> = {
  script:
    'nothing in a case study runs: show code in a ``` code block and data with <Chart> or <ConfusionMatrix>',
  iframe: EMBEDS,
  frame: EMBEDS,
  frameset: EMBEDS,
  object: EMBEDS,
  embed: EMBEDS,
  applet: EMBEDS,
  portal: EMBEDS,
  base: 'it would send every relative link of the page elsewhere; remove it',
  form: "it would send readers' input elsewhere; link to the form instead",
  meta: "the page's head is Casefolio's, and a refresh here would send readers elsewhere; remove it",
  link: 'it would load a stylesheet or another resource into the page; remove it',
};

/**
 * Attributes whose value is a URL (or a list of them), by name in lower case
 * without `-`, `_` or `:`, so `xlink:href`, `xlinkHref` and `formAction` are
 * found however JSX spells them.
 */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'srcset',
  'imagesrcset',
  'xlinkhref',
  'xmlbase',
  'cite',
  'data',
  'background',
  'longdesc',
  'usemap',
  'manifest',
  'codebase',
  'archive',
  'classid',
  'profile',
  'icon',
  'ping',
  'dynsrc',
  'lowsrc',
]);

/** Attributes holding several URLs, separated by spaces, commas or semicolons (with descriptors such as `2x`). */
export const URL_LISTS: ReadonlySet<string> = new Set(['srcset', 'imagesrcset', 'ping', 'archive']);
