import path from 'node:path';
import type { Element, Nodes as HastNodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Html, Image, Link, Nodes, Parent, PhrasingContent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown, mathToMarkdown, type InlineMath } from 'mdast-util-math';
import { toMarkdown, type Handle } from 'mdast-util-to-markdown';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { checkLocalFile, resolveInside } from '../files/paths.ts';
import { formulaOf, formulaProblem, isMathNode } from '../math/formulas.ts';
import type { MimeBundle } from '../schemas/notebook.ts';
import { REFUSED_ELEMENTS, URL_ATTRIBUTES, URL_LISTS } from '../schemas/body-html.ts';
import { BODY_SCHEMES, urlProblem, urlScheme } from '../schemas/url.ts';
import { IMAGE_MIMES, readImageFile, writeNotebookImage } from './images.ts';
import { parseMarkdownWithin, TOO_DEEP_MARKUP } from './nesting.ts';
import type { NotebookImage } from './view.ts';

/**
 * A notebook's Markdown (a cell, or a `text/markdown` output) made fit for
 * the case study's page, on the Markdown tree (GFM and math, as Jupyter
 * reads it): headings demoted under the case study's own, links to files
 * the site does not publish turned into their text, images resolved to
 * files, unsafe URLs, active HTML and formulas that do not render refused.
 * The renderer reads the result with the site's own Markdown pipeline.
 */

export interface MarkdownContext {
  /** Absolute path of the notebook: relative images are beside it. */
  notebookFile: string;
  contentDir: string;
  /** Where decoded attachments are written. */
  imagesDir: string;
  /** The cell's attachments (`attachment:<name>` images), if any. */
  attachments?: Readonly<Record<string, MimeBundle>> | undefined;
}

export interface PreparedMarkdown {
  markdown: string;
  /** Images the Markdown shows, by the URL written in `markdown`. */
  images: Record<string, NotebookImage>;
  /** Build-stopping: each says what is wrong and how to fix it, without naming the cell. */
  problems: string[];
  /** Check warnings, likewise. */
  warnings: string[];
  /**
   * Relative links shown as plain text (files beside the notebook, which the
   * site does not publish), as written: `prepare.ts` words them in one
   * warning per notebook, as a notebook may link to a dozen siblings.
   */
  unlinked: string[];
}

/** How many levels a heading goes down: a notebook's `#` sits below the case study's `##`. */
const HEADING_SHIFT = 2;

/**
 * Why each element refused in raw HTML is refused: the MDX body's rules,
 * with the advice for `<script>` fit for a notebook.
 */
const REFUSED: Readonly<Record<string, string>> = {
  ...REFUSED_ELEMENTS,
  script: 'nothing on a page runs: show code in a code cell or a ``` code block',
};

const MARKDOWN_EXTENSIONS = {
  extensions: [gfm(), math()],
  mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
};

export function prepareMarkdown(source: string, context: MarkdownContext): PreparedMarkdown {
  const prepared: PreparedMarkdown = {
    markdown: '',
    images: {},
    problems: [],
    warnings: [],
    unlinked: [],
  };
  const tree = parseMarkdownWithin(source, (text) => fromMarkdown(text, MARKDOWN_EXTENSIONS));
  if (!tree) {
    prepared.problems.push(`the Markdown ${TOO_DEEP_MARKUP}; flatten it`);
    return prepared;
  }
  const definitions = new Map<string, { url: string; title?: string | null | undefined }>();
  walk(tree, (node) => {
    if (node.type !== 'definition') return;
    definitions.set(node.identifier, { url: node.url, title: node.title });
    const problem = urlProblem(node.url);
    if (problem) prepared.problems.push(`[${node.label ?? node.identifier}]: ${problem}`);
  });
  const pass: Pass = { source, definitions, context, prepared, displayMath: new WeakSet() };
  transform(tree, pass);
  prepared.markdown = toMarkdown(tree, {
    extensions: [gfmToMarkdown(), mathToMarkdown()],
    handlers: { inlineMath: keepingDollars(pass.displayMath) },
  }).trimEnd();
  return prepared;
}

/**
 * What is wrong with each formula of some Markdown the page renders as it
 * is (a `text/latex` output), one line each, worded as prepareMarkdown's
 * problems (`math: $x^$: ...`).
 */
export function formulaProblems(source: string): string[] {
  const problems: string[] = [];
  walk(fromMarkdown(source, MARKDOWN_EXTENSIONS), (node) => {
    const problem = mathProblem(node, source);
    if (problem) problems.push(problem);
  });
  return problems;
}

/** A math node's problem, worded after the cell's name, or undefined when it renders or is no formula. */
function mathProblem(node: Nodes, source: string): string | undefined {
  if (!isMathNode(node)) return undefined;
  const formula = formulaOf(node, source);
  const problem = formula && formulaProblem(formula);
  return problem === undefined ? undefined : `math: ${problem}`;
}

/**
 * Writes `$$x$$` written in a sentence back with two dollar signs, so the
 * page sets it as display math (as in MDX) and the check's verdict on it
 * holds: a formula that needs display math (`\tag`) is not written back as
 * inline math, which refuses it.
 */
function keepingDollars(display: WeakSet<InlineMath>): Handle {
  const inline = mathToMarkdown().handlers?.inlineMath;
  const double = mathToMarkdown({ singleDollarTextMath: false }).handlers?.inlineMath;
  if (!inline || !double) throw new Error('mdast-util-math writes no inline math');
  return (node: InlineMath, parent, state, info) =>
    (display.has(node) ? double : inline)(node, parent, state, info);
}

/** Calls `visit` on every node of a tree, parents first. */
function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

/** The text a reader sees of some Markdown. */
function plainText(node: Nodes): string {
  if ('value' in node && node.type !== 'html') return node.value;
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  return 'children' in node ? node.children.map((child) => plainText(child)).join('') : '';
}

const quote = (text: string) => JSON.stringify(text);

/** One Markdown text being prepared. */
interface Pass {
  /** The Markdown as written: formulas are told from dollar amounts by the text around them. */
  source: string;
  definitions: ReadonlyMap<string, { url: string; title?: string | null | undefined }>;
  context: MarkdownContext;
  prepared: PreparedMarkdown;
  /** Inline math written with `$$`, to be written back so. */
  displayMath: WeakSet<InlineMath>;
}

/**
 * Rewrites a parent's children in place: each child is kept, changed, or
 * replaced by what it holds (a link that becomes text), and walked.
 */
function transform(parent: Parent, pass: Pass): void {
  const { definitions, context, prepared } = pass;
  const children: Nodes[] = [];
  for (const original of parent.children as Nodes[]) {
    let node: Nodes = original;
    // References become the links and images they point at, so one rule judges both.
    if (node.type === 'linkReference' || node.type === 'imageReference') {
      const definition = definitions.get(node.identifier);
      if (!definition) {
        // `[text][missing]` is plain text in Markdown already.
        children.push({ type: 'text', value: plainText(node) });
        continue;
      }
      node =
        node.type === 'linkReference'
          ? {
              type: 'link',
              url: definition.url,
              title: definition.title ?? null,
              children: node.children,
            }
          : {
              type: 'image',
              url: definition.url,
              title: definition.title ?? null,
              alt: node.alt ?? '',
            };
    }
    switch (node.type) {
      case 'definition':
        continue;
      case 'heading':
        node.depth = Math.min(node.depth + HEADING_SHIFT, 6) as typeof node.depth;
        break;
      case 'link': {
        if (!keepLink(node, prepared)) {
          const holder: Parent = { type: 'paragraph', children: node.children };
          transform(holder, pass);
          children.push(...(holder.children as PhrasingContent[]));
          continue;
        }
        break;
      }
      case 'inlineMath': {
        const formula = formulaOf(node, pass.source);
        // A dollar amount (`costs $5 and $10`) is the text it was written as,
        // whatever the Markdown written back would look like.
        if (!formula) {
          children.push({ type: 'text', value: writtenAt(node, pass.source) });
          continue;
        }
        if (formula.display) pass.displayMath.add(node);
        break;
      }
      case 'image':
        prepareImage(node, context, prepared);
        break;
      case 'html':
        prepared.problems.push(...htmlProblems(node));
        break;
      default:
        break;
    }
    const unreadable = mathProblem(node, pass.source);
    if (unreadable) prepared.problems.push(unreadable);
    if ('children' in node) transform(node, pass);
    children.push(node);
  }
  (parent as Root).children = children as Root['children'];
}

/** The text a node was parsed from, as written. */
function writtenAt(node: Nodes, source: string): string {
  return source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
}

/** Whether a link stays a link; a problem or a warning says why not. */
function keepLink(link: Link, prepared: PreparedMarkdown): boolean {
  const scheme = urlScheme(link.url);
  if (scheme !== undefined) {
    if (BODY_SCHEMES.has(scheme)) return true;
    prepared.problems.push(`link ${quote(plainText(link))}: ${urlProblem(link.url) ?? ''}`);
    return false;
  }
  if (link.url.startsWith('#')) return true;
  prepared.unlinked.push(link.url);
  return false;
}

/** Resolves an image to a file (an attachment, or a file beside the notebook), or records why not. */
function prepareImage(image: Image, context: MarkdownContext, prepared: PreparedMarkdown): void {
  const written = image.url;
  const scheme = urlScheme(written);
  if (scheme === 'attachment') {
    const found = attachment(written.slice(written.indexOf(':') + 1), context);
    if (!found.ok) {
      prepared.problems.push(`image ${quote(written)}: ${found.message}`);
      return;
    }
    image.url = found.image.file;
    prepared.images[image.url] = found.image;
    return;
  }
  if (scheme !== undefined) {
    if (scheme === 'http' || scheme === 'https') return;
    prepared.problems.push(
      `image ${quote(written)}: only https, http and relative images are allowed; paste the image into the cell in Jupyter (it is saved as an attachment) or put the file beside the notebook`,
    );
    return;
  }
  const local = decodedPath(written.replace(/[?#].*$/, ''));
  const problem = checkLocalFile(local, context.notebookFile, context.contentDir);
  if (problem) {
    prepared.problems.push(
      `image: ${problem}; images a notebook's Markdown shows must be beside the notebook, inside content/`,
    );
    return;
  }
  const resolved = resolveInside(
    path.resolve(path.dirname(context.notebookFile), local),
    context.contentDir,
  );
  if (!resolved.ok) return;
  const read = readImageFile(resolved.real);
  if (!read.ok) {
    prepared.problems.push(`image ${quote(written)} ${read.message}`);
    return;
  }
  prepared.images[written] = read.image;
}

/** A path as a URL writes it (`my%20figure.png`), decoded; as written when it does not decode. */
function decodedPath(written: string): string {
  try {
    return decodeURIComponent(written);
  } catch {
    return written;
  }
}

/** A cell attachment, decoded into imagesDir. */
function attachment(
  name: string,
  context: MarkdownContext,
): { ok: true; image: NotebookImage } | { ok: false; message: string } {
  // Own names only: `attachment:constructor` is no attachment of the cell.
  const { attachments = {} } = context;
  const own = (key: string) => (Object.hasOwn(attachments, key) ? attachments[key] : undefined);
  const bundle = own(name) ?? own(decodedPath(name));
  if (!bundle) {
    return {
      ok: false,
      message:
        'the cell holds no attachment by that name; paste the image into the cell again in Jupyter and save the notebook',
    };
  }
  const mime = IMAGE_MIMES.find((candidate) => candidate in bundle);
  if (!mime) {
    return {
      ok: false,
      message: `the attachment is not an image Casefolio publishes (it holds ${Object.keys(bundle).join(', ') || 'nothing'}); attach a PNG, JPEG, GIF, WebP or SVG`,
    };
  }
  const written = writeNotebookImage(bundle[mime], mime, context.imagesDir);
  return written.ok
    ? written
    : {
        ok: false,
        message: `the attachment's ${written.message.replace(/^its /, '')}; paste the image into the cell again in Jupyter and save the notebook`,
      };
}

/** Raw HTML in Markdown: what the MDX body refuses, refused here too. */
function htmlProblems(node: Html): string[] {
  const problems: string[] = [];
  const visit = (hast: HastNodes) => {
    if (hast.type === 'element') problems.push(...elementProblems(hast));
    if ('children' in hast) for (const child of hast.children) visit(child);
  };
  visit(fromHtml(node.value, { fragment: true }));
  return problems;
}

function elementProblems(element: Element): string[] {
  const name = element.tagName.toLowerCase();
  const refused = REFUSED[name];
  if (refused) return [`<${name}>: not allowed in a notebook's Markdown (${refused})`];
  const problems: string[] = [];
  for (const [property, value] of Object.entries(element.properties)) {
    const key = property.toLowerCase().replace(/[-_:]/g, '');
    const attribute = `<${name} ${property.toLowerCase()}>`;
    if (key.startsWith('on')) {
      problems.push(
        `${attribute}: event handlers are not allowed (nothing on a page runs); remove the attribute from the cell`,
      );
      continue;
    }
    if (!URL_ATTRIBUTES.has(key)) continue;
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    // A list (`a.png 1x, b.png 2x`) is judged part by part.
    const urls = URL_LISTS.has(key) ? text.split(/[\s,;]+/) : [text];
    const problem = urls.map((url) => urlProblem(url)).find((found) => found !== undefined);
    if (problem) problems.push(`${attribute}: ${problem}`);
  }
  return problems;
}
