import type {
  BlockContent,
  Heading,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from 'mdast';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { mathToMarkdown } from 'mdast-util-math';
import { defaultHandlers, toMarkdown, type Handle, type Unsafe } from 'mdast-util-to-markdown';

/**
 * The model card's Markdown, built as a Markdown tree and written by
 * mdast-util-to-markdown, which escapes what would change the structure:
 * the intern's text is untrusted, and a limitation that begins with `#`,
 * holds `|` in a table cell, `<script>`, `[a](b)` or `$x$` must read as the
 * words it is, in a Markdown reader and on Hugging Face (GFM, with math),
 * never become a heading, a cell, HTML, a link or a formula. No string is
 * ever pasted into Markdown source.
 */

/** Phrasing as the tree takes it: a string is literal text. */
export type Inline = string | PhrasingContent;

function phrasing(parts: readonly Inline[]): PhrasingContent[] {
  return parts.map((part) => (typeof part === 'string' ? { type: 'text', value: part } : part));
}

export function heading(depth: 1 | 2 | 3, ...parts: Inline[]): Heading {
  return { type: 'heading', depth, children: phrasing(parts) };
}

export function paragraph(...parts: Inline[]): Paragraph {
  return { type: 'paragraph', children: phrasing(parts) };
}

export function strong(text: string): PhrasingContent {
  return { type: 'strong', children: [{ type: 'text', value: text }] };
}

export function code(text: string): PhrasingContent {
  return { type: 'inlineCode', value: text };
}

/** A link; `url` is a checked http(s) URL or the site's own path. */
export function link(url: string, text: string): PhrasingContent {
  return { type: 'link', url, children: [{ type: 'text', value: text }] };
}

/** A tight list; an item is a line of phrasing, or a line with a nested list under it. */
export function list(
  items: readonly (readonly Inline[] | { line: readonly Inline[]; nested: List })[],
  ordered = false,
): List {
  return {
    type: 'list',
    ordered,
    spread: false,
    children: items.map((item): ListItem => {
      const children: BlockContent[] =
        'line' in item ? [paragraph(...item.line), item.nested] : [paragraph(...item)];
      return { type: 'listItem', spread: false, children };
    }),
  };
}

/** A GFM table; the first row is the header. */
export function table(
  align: readonly ('left' | 'right' | null)[],
  rows: readonly (readonly Inline[])[],
): Table {
  return {
    type: 'table',
    align: [...align],
    children: rows.map((cells) => ({
      type: 'tableRow',
      children: cells.map((cell) => ({ type: 'tableCell', children: phrasing([cell]) })),
    })),
  };
}

/**
 * What the writer knows besides CommonMark: GFM tables, and the `~` and `$`
 * a GFM or math reader would take for strikethrough or a formula, escaped.
 * Not all of GFM: the task-list and autolink extensions only change how
 * such nodes are written, and the card has none, while they cost 40 % of the
 * writing (about 0.3 s of a build of 1,000 case studies). Made once.
 */
const EXTENSIONS = [gfmTableToMarkdown(), gfmStrikethroughToMarkdown(), mathToMarkdown()];

/**
 * The default text handler, given only the escaping patterns that can match.
 * mdast-util-to-markdown tries each of its 60-odd patterns as a regular
 * expression on every text node, but a pattern only matches where its
 * `character` is (in the text or in the characters around it, which it
 * escapes against): with the others left out the output is the same, in
 * about half the time. Most of a model card is short text nodes; escaping
 * them was 1.3 s of CPU in a build of 1,000 case studies.
 */
const text: Handle = (node, parent, state, info) => {
  const all = state.unsafe;
  const around = `${info.before}${(node as { value: string }).value}${info.after}`;
  state.unsafe = all.filter((pattern: Unsafe) => around.includes(pattern.character));
  try {
    return defaultHandlers.text(node, parent, state, info);
  } finally {
    state.unsafe = all;
  }
};

/** The tree written as Markdown (GFM tables, math escaped), `-` for bullets. */
export function writeMarkdown(children: readonly RootContent[]): string {
  const root: Root = { type: 'root', children: [...children] };
  return toMarkdown(root, { bullet: '-', extensions: EXTENSIONS, handlers: { text } });
}
