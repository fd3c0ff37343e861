import type { Element, ElementContent, Nodes, Root, RootContent } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { BODY_SCHEMES, urlScheme } from '../schemas/url.ts';
import { parseHtmlWithin, TOO_DEEP_MARKUP } from './nesting.ts';

/**
 * Where the parts of tables, lists and disclosures may stand: a `<tr>` or
 * `<li>` outside its parent is dropped, so sanitised HTML keeps the
 * structure a browser and a screen reader expect. Shared with the sanitiser
 * of rendered notebook Markdown (site/notebook-markdown.ts).
 */
export const STRUCTURE_ANCESTORS: Readonly<Record<string, string[]>> = {
  caption: ['table'],
  colgroup: ['table'],
  col: ['table'],
  thead: ['table'],
  tbody: ['table'],
  tfoot: ['table'],
  tr: ['table'],
  th: ['table'],
  td: ['table'],
  li: ['ol', 'ul'],
  dt: ['dl'],
  dd: ['dl'],
  summary: ['details'],
};

/**
 * Markup from a notebook made safe to publish, on a HAST tree (never by
 * pattern on the text): `text/html` outputs become tables and text only, and
 * SVG images lose everything that could run or load something when the file
 * is opened on its own.
 */

const TABLE_ATTRIBUTES = ['colSpan', 'rowSpan'];

/**
 * What a `text/html` output keeps: tables (pandas, polars and scikit-learn
 * print them), text and its inline marks, lists, and links to the web. No
 * attribute carries style, class or id (the site's stylesheet styles the
 * table), and nothing that embeds, loads or runs survives.
 */
const OUTPUT_SCHEMA: Schema = {
  allowComments: false,
  allowDoctypes: false,
  tagNames: [
    'table',
    'caption',
    'colgroup',
    'col',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'div',
    'p',
    'span',
    'br',
    'hr',
    'pre',
    'code',
    'blockquote',
    'b',
    'strong',
    'i',
    'em',
    'u',
    's',
    'del',
    'ins',
    'mark',
    'small',
    'sub',
    'sup',
    'abbr',
    'kbd',
    'samp',
    'var',
    'q',
    'cite',
    'dfn',
    'time',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'details',
    'summary',
    'a',
  ],
  attributes: {
    a: ['href', 'title'],
    th: [...TABLE_ATTRIBUTES, 'scope'],
    td: TABLE_ATTRIBUTES,
    col: ['span'],
    colgroup: ['span'],
    ol: ['start', 'reversed'],
    abbr: ['title'],
  },
  protocols: { href: ['http', 'https', 'mailto'] },
  ancestors: STRUCTURE_ANCESTORS,
  required: {},
  clobber: [],
  clobberPrefix: '',
  // Removed with what they hold: their text is code, CSS or markup, not content.
  strip: [
    'script',
    'style',
    'template',
    'noscript',
    'textarea',
    'title',
    'xmp',
    'svg',
    'math',
    'iframe',
    'object',
    'embed',
  ],
};

/** Walks a tree's elements, parents before children. */
function eachElement(node: Nodes, visit: (element: Element) => void): void {
  if (node.type === 'element') visit(node);
  if ('children' in node) for (const child of node.children) eachElement(child, visit);
}

/**
 * A `text/html` output made safe: parsed as a browser parses it, cleaned to
 * OUTPUT_SCHEMA, serialised again. Headings become paragraphs (an output's
 * `<h1>` would break the page's outline), and a link that does not go to
 * the web (a relative path, a fragment of the notebook's own page) becomes
 * its text. Undefined when the HTML nests too deeply to be walked
 * (nesting.ts's MAX_MARKUP_DEPTH).
 */
export function sanitizeHtmlOutput(html: string): string | undefined {
  const tree = parseHtmlWithin(html);
  if (!tree) return undefined;
  eachElement(tree, (element) => {
    if (/^h[1-6]$/.test(element.tagName)) element.tagName = 'p';
  });
  const clean = sanitize(tree, OUTPUT_SCHEMA);
  unwrapLocalLinks(clean);
  return toHtml(clean);
}

function unwrapLocalLinks(node: Nodes): void {
  if (!('children' in node)) return;
  const children: (RootContent | ElementContent)[] = [];
  for (const child of node.children) {
    unwrapLocalLinks(child);
    const href =
      child.type === 'element' && child.tagName === 'a' ? child.properties['href'] : undefined;
    if (child.type === 'element' && child.tagName === 'a' && !isWebUrl(href)) {
      children.push(...child.children);
    } else children.push(child);
  }
  (node as Root).children = children as RootContent[];
}

function isWebUrl(href: unknown): boolean {
  if (typeof href !== 'string') return false;
  const scheme = urlScheme(href);
  return scheme !== undefined && BODY_SCHEMES.has(scheme);
}

/**
 * The SVG elements a figure is drawn with (matplotlib, seaborn, graphviz):
 * shapes, text, paint servers, clipping, masks, filters and `<use>`. Not
 * here, so removed with what they hold: `<script>`, `<foreignObject>` (HTML
 * inside the image), the animation elements (they can set an
 * attribute to a `javascript:` URL), `<feImage>` and `<metadata>`. An `<a>` is replaced by what it holds.
 */
const SVG_ELEMENTS = new Set(
  [
    'svg',
    'g',
    'defs',
    'symbol',
    'use',
    'title',
    'desc',
    'style',
    'switch',
    'path',
    'rect',
    'circle',
    'ellipse',
    'line',
    'polyline',
    'polygon',
    'image',
    'text',
    'tspan',
    'textPath',
    'clipPath',
    'mask',
    'pattern',
    'marker',
    'linearGradient',
    'radialGradient',
    'stop',
    'filter',
    'feBlend',
    'feColorMatrix',
    'feComponentTransfer',
    'feComposite',
    'feConvolveMatrix',
    'feDiffuseLighting',
    'feDisplacementMap',
    'feDistantLight',
    'feDropShadow',
    'feFlood',
    'feFuncA',
    'feFuncB',
    'feFuncG',
    'feFuncR',
    'feGaussianBlur',
    'feMerge',
    'feMergeNode',
    'feMorphology',
    'feOffset',
    'fePointLight',
    'feSpecularLighting',
    'feSpotLight',
    'feTile',
    'feTurbulence',
  ].map((name) => name.toLowerCase()),
);

/** Property names (HAST's) whose value is a URL. */
const URL_PROPERTIES = new Set(['href', 'xlinkhref', 'src']);

/**
 * A URL inside an SVG file may point into the file (`#clip1`) or hold a
 * raster image (matplotlib embeds `imshow` images as base64 PNG): nothing
 * that loads from elsewhere or runs.
 */
function allowedSvgUrl(value: string): boolean {
  const url = value.trim();
  return (
    url.startsWith('#') || /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$/i.test(url)
  );
}

/**
 * The CSS functions an SVG figure may use: colours, arithmetic, transforms,
 * `url()` (checked apart: only to a fragment of the file) and `local()`
 * (a font on the reader's machine). Any other function is refused, since
 * some load images (`image-set()`, `-webkit-image-set()`, `cross-fade()`,
 * `image()`, `src()`) and old browsers run one (`expression()`).
 */
const CSS_FUNCTIONS = new Set([
  'url',
  'local',
  'format',
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'hwb',
  'lab',
  'lch',
  'oklab',
  'oklch',
  'color',
  'color-mix',
  'calc',
  'min',
  'max',
  'clamp',
  'var',
  'matrix',
  'translate',
  'translatex',
  'translatey',
  'scale',
  'scalex',
  'scaley',
  'rotate',
  'skewx',
  'skewy',
]);

/**
 * CSS as a browser reads its names: comments removed and escapes decoded
 * (`u\72l(` and `\55 RL(` are `url(`, `@\69mport` is `@import`), so a
 * pattern judges what the browser will do, not how it was spelt.
 */
function decodedCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '')
    .replace(
      /\\(?:([0-9a-f]{1,6})[ \t\n\r\f]?|\r\n|([\s\S]))/gi,
      (_, hex?: string, other?: string) => {
        if (hex === undefined) return other === undefined || /[\n\r\f]/.test(other) ? '' : other;
        const code = Number.parseInt(hex, 16);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
      },
    )
    .toLowerCase();
}

/**
 * CSS that could load something (`url(https:...)`, `@import`,
 * `image-set(...)`) or run (old IE's `expression(`, `behavior`,
 * `-moz-binding`), however it is spelt: every function must be one of
 * CSS_FUNCTIONS, and every `url()` must point into the file (`#clip1`).
 */
function unsafeCss(css: string): boolean {
  const text = decodedCss(css);
  if (/@import|behavior\s*:|-moz-binding/.test(text)) return true;
  // A name starts where the one before it ends: a long run of letters is read once, not from each letter.
  for (const match of text.matchAll(/(?<![a-z0-9_-])([a-z0-9_-]*)\s*\(/g)) {
    const name = match[1] ?? '';
    if (!CSS_FUNCTIONS.has(name)) return true;
    if (name !== 'url') continue;
    const target = /^\(\s*(['"]?)\s*([^'")]*)/.exec(
      text.slice((match.index ?? 0) + match[0].length - 1),
    );
    if (!(target?.[2] ?? '').startsWith('#')) return true;
  }
  return false;
}

/** Cleans one SVG element's attributes in place. */
function cleanSvgAttributes(element: Element): void {
  for (const [name, value] of Object.entries(element.properties)) {
    const key = name.toLowerCase();
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    if (
      key.startsWith('on') ||
      key === 'xmlbase' ||
      (URL_PROPERTIES.has(key) && !allowedSvgUrl(text)) ||
      // `style`, and presentation attributes (`fill`, `filter`, `clip-path`),
      // which browsers read as CSS: any that could hold a function or an escape.
      (/[(\\@]/.test(text) && unsafeCss(text))
    ) {
      delete element.properties[name];
    }
  }
}

function cleanSvgChildren(parent: Root | Element): void {
  const kept: (RootContent | ElementContent)[] = [];
  for (const child of parent.children) {
    if (child.type === 'text') kept.push(child);
    else if (child.type === 'element' && child.tagName === 'a') {
      // A link's text stays; the link, which could run script when the file is opened, goes.
      const holder: Root = { type: 'root', children: child.children as RootContent[] };
      cleanSvgChildren(holder);
      kept.push(...(holder.children as ElementContent[]));
    } else if (child.type === 'element' && SVG_ELEMENTS.has(child.tagName.toLowerCase())) {
      if (child.tagName.toLowerCase() === 'style' && unsafeCss(textOf(child))) continue;
      cleanSvgAttributes(child);
      cleanSvgChildren(child);
      kept.push(child);
    }
    // Comments, doctypes, processing instructions and every other element are dropped.
  }
  parent.children = kept as RootContent[];
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** An SVG cleaned, or why it cannot be: the rest of a sentence about the data (`holds no <svg> element`). */
export type SanitizedSvg = { ok: true; svg: string } | { ok: false; message: string };

/**
 * An SVG image as a file safe to publish. Parsed with the HTML parser (as a
 * browser parses SVG inline), cleaned to SVG_ELEMENTS without event
 * handlers or URLs that leave the file, and written back as XML with the
 * SVG namespaces declared. Refused: text that holds no `<svg>` element, and
 * markup nested too deeply to be walked (nesting.ts).
 */
export function sanitizeSvg(svg: string): SanitizedSvg {
  const tree = parseHtmlWithin(svg);
  if (!tree) return { ok: false, message: TOO_DEEP_MARKUP };
  let root: Element | undefined;
  eachElement(tree, (element) => {
    if (!root && element.tagName === 'svg') root = element;
  });
  if (!root) return { ok: false, message: 'holds no <svg> element' };
  const holder: Root = { type: 'root', children: [root] };
  cleanSvgChildren(holder);
  root.properties['xmlns'] = 'http://www.w3.org/2000/svg';
  root.properties['xmlnsXLink'] = 'http://www.w3.org/1999/xlink';
  return {
    ok: true,
    svg: toHtml(holder, { space: 'svg', closeEmptyElements: true, tightSelfClosing: false }),
  };
}

/** Elements that run, load or hold a document of their own when an SVG file is opened. */
const ACTIVE_SVG_ELEMENTS = new Set([
  'script',
  'foreignobject',
  'iframe',
  'object',
  'embed',
  'handler',
  'listener',
  'set',
  'animate',
  'animatemotion',
  'animatetransform',
  'animatecolor',
]);

/**
 * What in an SVG file would run or load something when the file is opened
 * on its own (a page shows it as an `<img>`, where nothing runs, but the
 * file is published at an address of the site): `a <script>`, `an onclick
 * handler`, `an address outside the file (https://...)`, `CSS that loads
 * from elsewhere`, each once; none for a figure as matplotlib, seaborn or
 * Inkscape draw it. For an SVG published as it is, which is refused rather
 * than cleaned; undefined when it nests too deeply to be read.
 */
export function svgActiveParts(svg: string): string[] | undefined {
  const tree = parseHtmlWithin(svg);
  if (!tree) return undefined;
  const found = new Set<string>();
  eachElement(tree, (element) => {
    const name = element.tagName.toLowerCase();
    if (ACTIVE_SVG_ELEMENTS.has(name)) found.add(`a <${element.tagName}>`);
    if (name === 'style' && unsafeCss(textOf(element))) found.add('CSS that loads from elsewhere');
    for (const [property, value] of Object.entries(element.properties)) {
      const key = property.toLowerCase();
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if (key.startsWith('on')) found.add(`an ${key} handler`);
      else if (key === 'xmlbase') found.add('an xml:base');
      else if (URL_PROPERTIES.has(key) && !allowedSvgUrl(text)) {
        // A link to the web only navigates when clicked; anything else loads or runs.
        if (!(name === 'a' && isWebUrl(text))) found.add(`an address outside the file (${text})`);
      } else if (/[(\\@]/.test(text) && unsafeCss(text)) found.add('CSS that loads from elsewhere');
    }
  });
  return [...found];
}
