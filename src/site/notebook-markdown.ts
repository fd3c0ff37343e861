import { STRUCTURE_ANCESTORS } from '../notebooks/sanitize.ts';
import { satteriCreateHighlightFn, satteriHighlightPlugin } from '@astrojs/markdown-satteri';
import { memoize } from 'es-toolkit/function';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { htmlToHast, markdownToHtml, type CompileOptions, type HastNode } from 'satteri';
import { mathFeatures } from '../math/markdown.ts';
import { notebookShikiConfig } from './notebook-code.ts';
import { MATH_CLASSES, markFormulas, renderFormulas } from './notebook-math.ts';
import { scopeHeaderCells } from './notebook-tables.ts';

/**
 * A notebook's Markdown (its markdown cells, `text/markdown` outputs) as
 * HTML, through the site's own Markdown pipeline: Sätteri, as Astro builds
 * it from `markdown` in the config (GFM, smart punctuation, Shiki with the
 * site's theme, math as MathML), and then a sanitiser. A notebook comes from anywhere, so
 * raw HTML in its Markdown keeps only harmless text markup: no script,
 * handler, frame, form, style or id; links only to web, mail and site
 * addresses; images only the notebook's own files, through Astro's image
 * pipeline.
 *
 * Two steps of Astro's own pipeline are left out: it marks local images for
 * its Markdown pages' image imports (a notebook's images are resolved here
 * instead), and it gives headings ids, which would repeat the page's own
 * (`results` twice) and another notebook's on the same page.
 */

/** An `<img>`'s attributes for an image of the notebook, made by Astro's image pipeline. */
export interface ImageAttributes {
  src: string;
  width: number;
  height: number;
  srcset?: string;
  sizes?: string;
}

/**
 * The image for a URL written in the Markdown (`attachment:plot.png`,
 * `figures/roc.png`), undefined when it is not one of the notebook's images.
 */
export type ImageResolver = (url: string) => Promise<ImageAttributes | undefined>;

/** The classes of highlighted code (src/styles/code.css); nothing else keeps a class. */
const CODE_CLASSES = ['astro-code', 'css-variables', 'line', /^code-[\w-]+$/];

/**
 * What a notebook's Markdown may keep: text markup, lists, tables, quotes,
 * code (highlighted) and the notebook's images. Everything else is dropped,
 * and the content of script, style and the like with it.
 */
const notebookMarkdownSchema: Schema = {
  tagNames: [
    ...['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'div', 'span'],
    ...['em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'mark', 'small'],
    ...['abbr', 'cite', 'q', 'dfn', 'code', 'kbd', 'samp', 'var', 'pre'],
    ...['ul', 'ol', 'li', 'dl', 'dt', 'dd'],
    ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
    ...['a', 'img'],
  ],
  attributes: {
    a: ['href', 'title'],
    img: [
      'src',
      'srcSet',
      'sizes',
      'alt',
      'width',
      'height',
      ['loading', 'lazy'],
      ['decoding', 'async'],
    ],
    ol: ['start', 'reversed'],
    abbr: ['title'],
    th: [
      'colSpan',
      'rowSpan',
      ['scope', 'row', 'col', 'rowgroup', 'colgroup'],
      ['align', 'left', 'right', 'center'],
    ],
    td: ['colSpan', 'rowSpan', ['align', 'left', 'right', 'center']],
    // Shiki's scrolling block is focusable, so keyboards can scroll it.
    pre: [['className', ...CODE_CLASSES], ['tabIndex', 0], 'dataLanguage'],
    // A formula stays code until the sanitiser is done (notebook-math.ts).
    code: [['className', ...CODE_CLASSES, ...MATH_CLASSES]],
    span: [['className', ...CODE_CLASSES]],
  },
  // Relative addresses (`../churn-model/`, `#results`) have no protocol and stay.
  protocols: { href: ['http', 'https', 'mailto'], src: [] },
  required: {},
  strip: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math'],
  ancestors: STRUCTURE_ANCESTORS,
  clobber: [],
  allowComments: false,
  allowDoctypes: false,
};

/** The Markdown pipeline, made once per process: Shiki loads its grammars once. */
const pipeline = memoize(async (): Promise<CompileOptions> => {
  const highlight = await satteriCreateHighlightFn('shiki', notebookShikiConfig);
  return {
    hastPlugins: [
      ...(highlight ? [satteriHighlightPlugin(highlight, undefined)] : []),
      markFormulas,
    ],
    features: {
      ...mathFeatures,
      // Footnotes would give the page ids that another notebook repeats.
      gfm: { footnotes: false },
      smartPunctuation: true,
    },
  };
});

/** A hast tree: what the parser gives, the sanitiser takes and the serializer writes. */
type Tree = ReturnType<typeof sanitize>;
/** A node of it, as far as images are looked for. */
interface Node {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

/** Every `<img>` in a tree, with the list it sits in. */
function images(node: Node, found: { parent: Node[]; index: number; img: Node }[] = []) {
  node.children?.forEach((child, index) => {
    if (child.type === 'element' && child.tagName === 'img') {
      found.push({ parent: node.children ?? [], index, img: child });
    } else images(child, found);
  });
  return found;
}

/** A URL as written, and decoded (the pipeline percent-encodes what it writes into `src`). */
function lookupUrls(src: string): string[] {
  try {
    const decoded = decodeURI(src);
    return decoded === src ? [src] : [src, decoded];
  } catch {
    return [src];
  }
}

/**
 * Each image replaced by the notebook's own file through Astro's image
 * pipeline (`resolve`), or removed: a remote image or a file that is not
 * the notebook's would be published unchecked.
 */
async function resolveImages(tree: Node, resolve: ImageResolver): Promise<void> {
  const found = images(tree);
  const resolved = await Promise.all(
    found.map(async ({ img }) => {
      const src = img.properties?.['src'];
      if (typeof src !== 'string') return undefined;
      for (const url of lookupUrls(src)) {
        const attributes = await resolve(url);
        if (attributes) return attributes;
      }
      return undefined;
    }),
  );
  // From the end, so removing an image leaves the places of those before it.
  for (let index = found.length - 1; index >= 0; index--) {
    const { parent, index: at, img } = found[index] as (typeof found)[number];
    const attributes = resolved[index];
    if (!attributes) {
      parent.splice(at, 1);
      continue;
    }
    const alt = img.properties?.['alt'];
    img.properties = {
      src: attributes.src,
      ...(attributes.srcset ? { srcSet: attributes.srcset } : {}),
      ...(attributes.sizes ? { sizes: attributes.sizes } : {}),
      alt: typeof alt === 'string' ? alt : '',
      width: attributes.width,
      height: attributes.height,
      loading: 'lazy',
      decoding: 'async',
    };
  }
}

/**
 * Markdown from a notebook as safe HTML: rendered by the site's pipeline,
 * its images resolved by `resolve` (the others removed), then sanitised.
 */
export async function renderNotebookMarkdown(
  markdown: string,
  resolve: ImageResolver,
): Promise<string> {
  const { html } = await markdownToHtml(markdown, await pipeline());
  const tree = htmlToHast(html, { fragment: true }) as HastNode as unknown as Tree;
  await resolveImages(tree as Node, resolve);
  const clean = sanitize(tree, notebookMarkdownSchema);
  scopeHeaderCells(clean as Node);
  renderFormulas(clean as Node);
  // The only raw HTML left is the formulas' MathML, added after the sanitiser.
  return toHtml(clean, { allowDangerousHtml: true }).trim();
}
