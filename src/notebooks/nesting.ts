import type { Root as HtmlTree } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Root as MarkdownTree } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/**
 * How deep a notebook's markup may nest. The parsers, the sanitiser and the
 * renderer walk a tree by recursion, so markup nested thousands of levels
 * deep (`<div>` 50,000 times, `>` 5,000 times) would overflow the stack and
 * stop `npm run check` with a trace; and the Markdown parser takes time
 * that grows with the square of the nesting, so such a cell is refused
 * before it is parsed.
 */

/**
 * The most levels a notebook's Markdown or HTML may nest: a pandas table
 * nests 6 (a Styler's a few more), a list in a quote in a list a handful;
 * a browser's parser gives up nesting at 512.
 */
export const MAX_MARKUP_DEPTH = 100;

/** The rest of a sentence about markup nested too deeply, after what it is (`its text/html `). */
export const TOO_DEEP_MARKUP = `nests more than ${MAX_MARKUP_DEPTH} levels deep (elements, quotes or lists inside one another), the limit; a table or a figure nests a few levels`;

/** Whether an error is the stack overflowing (V8's RangeError), not a slip of the code. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** A node of a hast or mdast tree, as far as its depth goes. */
interface Node {
  type: string;
  children?: readonly Node[];
}

/** The most nodes on a path from the root down (the root counts 0), counted without recursion. */
function treeDepth(root: Node): number {
  let deepest = 0;
  const stack: { node: Node; depth: number }[] = [{ node: root, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    deepest = Math.max(deepest, item.depth);
    for (const child of item.node.children ?? [])
      stack.push({ node: child, depth: item.depth + 1 });
  }
  return deepest;
}

/**
 * Elements whose end tag may be left out (the next `<li>` closes a `<li>`),
 * and void elements, which hold nothing: neither nests when written
 * unclosed, so neither counts in htmlDepthBound.
 */
const NOT_NESTING = new Set(
  [
    ...['p', 'li', 'dt', 'dd', 'rt', 'rp', 'optgroup', 'option', 'colgroup', 'caption'],
    ...['thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'html', 'head', 'body'],
    ...['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta'],
    ...['source', 'track', 'wbr', 'param', 'keygen', 'frame', 'basefont', 'bgsound'],
  ].map((name) => name.toLowerCase()),
);

/**
 * How deep HTML nests by its tags alone: each start tag opens a level its
 * end tag closes. Cheap, so markup nested thousands deep is refused before
 * the parser (whose time grows with the nesting) reads it.
 */
function htmlDepthBound(html: string): number {
  let depth = 0;
  let deepest = 0;
  // A name is read whole, and a tag ends before the next `<`: a long name, or many `<a`, is read once.
  for (const match of html.matchAll(/<(\/?)([a-z][a-z0-9-]*)(?![a-z0-9-])([^<>]*)>/gi)) {
    const [, closing, name = '', rest = ''] = match;
    if (NOT_NESTING.has(name.toLowerCase()) || rest.endsWith('/')) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

/**
 * HTML parsed as a browser parses it (hast-util-from-html), or undefined
 * when it nests more than MAX_MARKUP_DEPTH levels deep, including so deep
 * that the parser itself would overflow the stack.
 */
export function parseHtmlWithin(html: string): HtmlTree | undefined {
  if (htmlDepthBound(html) > MAX_MARKUP_DEPTH) return undefined;
  let tree: HtmlTree;
  try {
    tree = fromHtml(html, { fragment: true });
  } catch (error) {
    if (isStackOverflow(error)) return undefined;
    throw error;
  }
  return treeDepth(tree) > MAX_MARKUP_DEPTH ? undefined : tree;
}

/** Columns a line's indentation takes, a tab to the next multiple of 4 as CommonMark counts it. */
function indentColumns(line: string): number {
  let columns = 0;
  for (const character of line) {
    if (character === ' ') columns++;
    else if (character === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

/** Quote and list markers at the start of a line: `> > - `, `1. * `. */
const CONTAINER_MARKERS = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;

/** Whether a character is Unicode whitespace or punctuation, or none (the start or end of the text). */
const flank = (character: string | undefined) =>
  character === undefined || /[\s\p{P}\p{S}]/u.test(character);

/**
 * How deep emphasis nests in a block: a run of `*` or `_` that can open
 * (after a space or punctuation, before a letter) goes a level in, one that
 * can only close comes out. `*a *b *c c* b* a*` nests three.
 */
function emphasisDepthBound(source: string): number {
  let deepest = 0;
  let depth = 0;
  for (const line of source.split('\n')) {
    // A blank line ends the block, and any emphasis left open in it.
    if (line.trim() === '') depth = 0;
    for (const match of line.matchAll(/\*+|_+/g)) {
      const before = line[(match.index ?? 0) - 1];
      const after = line[(match.index ?? 0) + match[0].length];
      const opens = flank(before) && !/^\s?$/.test(after ?? '');
      const closes = !/^\s?$/.test(before ?? '') && flank(after);
      if (opens && !closes) deepest = Math.max(deepest, ++depth);
      else if (closes && !opens) depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

/**
 * An upper bound on how deep Markdown nests, from its text alone: the
 * quotes and lists a line opens (each list level is indented at least two
 * columns more than the one it is in), how deep its brackets (links and
 * images), its emphasis and its raw HTML nest. Cheap, so a cell nested too
 * deeply is refused before the parser spends minutes on it.
 */
function markdownDepthBound(source: string): number {
  let deepest = 0;
  for (const line of source.split('\n')) {
    const markers = CONTAINER_MARKERS.exec(line)?.[0].match(/>|[-+*]|\d+[.)]/g)?.length ?? 0;
    deepest = Math.max(deepest, markers + Math.floor(indentColumns(line) / 2));
    if (deepest > MAX_MARKUP_DEPTH) return deepest;
  }
  let brackets = 0;
  for (let index = 0; index < source.length; index++) {
    const character = source[index];
    if (character === '\\') index++;
    else if (character === '[') deepest = Math.max(deepest, ++brackets);
    else if (character === ']') brackets = Math.max(0, brackets - 1);
  }
  if (deepest > MAX_MARKUP_DEPTH) return deepest;
  return Math.max(deepest, emphasisDepthBound(source), htmlDepthBound(source));
}

/** Calls `visit` on every node of a tree, without recursion. */
function eachNode(root: MarkdownTree, visit: (node: MarkdownTree['children'][number]) => void) {
  const stack: Node[] = [...(root.children as Node[])];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    visit(node as MarkdownTree['children'][number]);
    stack.push(...(node.children ?? []));
  }
}

/**
 * Markdown parsed by `parse` (the caller's parser and extensions; CommonMark
 * by default), or undefined when it nests more than MAX_MARKUP_DEPTH levels
 * deep: its own structure (quotes, lists, emphasis, links) and the raw HTML
 * it holds, which a browser nests as one document (a `<div>` on each of a
 * thousand lines nests a thousand deep), counted together.
 */
export function parseMarkdownWithin(
  source: string,
  parse: (source: string) => MarkdownTree = (text) => fromMarkdown(text),
): MarkdownTree | undefined {
  if (markdownDepthBound(source) > MAX_MARKUP_DEPTH) return undefined;
  let tree: MarkdownTree;
  try {
    tree = parse(source);
  } catch (error) {
    if (isStackOverflow(error)) return undefined;
    throw error;
  }
  const structure = treeDepth(tree);
  if (structure > MAX_MARKUP_DEPTH) return undefined;
  const html: string[] = [];
  eachNode(tree, (node) => {
    if (node.type === 'html') html.push(node.value);
  });
  if (html.length === 0) return tree;
  const elements = parseHtmlWithin(html.join('\n'));
  return elements && structure + treeDepth(elements) <= MAX_MARKUP_DEPTH ? tree : undefined;
}
