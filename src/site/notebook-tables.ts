import { toHtml } from 'hast-util-to-html';
import { htmlToHast } from 'satteri';

/**
 * Tables from notebooks (a pandas `DataFrame`, a Markdown table) with their
 * header cells scoped, so a screen reader reads each value with its column
 * and row: `scope="col"` for a header cell in the table's head, `scope="row"`
 * for one in its body (pandas writes the index as `<th>`). pandas writes no
 * scope, and GFM neither.
 */

/** A node of a hast tree, as far as tables are looked at. */
interface Node {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

const isElement = (node: Node, ...names: string[]) =>
  node.type === 'element' && names.includes(node.tagName ?? '');

/**
 * Gives every header cell under `node` without a scope the one its place
 * implies: a column's in the table's head or in a row of header cells only,
 * a row's elsewhere.
 */
export function scopeHeaderCells(node: Node, inHead = false): void {
  for (const child of node.children ?? []) {
    if (child.type !== 'element') continue;
    if (isElement(child, 'table', 'tbody', 'tfoot')) scopeHeaderCells(child, false);
    else if (isElement(child, 'thead')) scopeHeaderCells(child, true);
    else if (isElement(child, 'tr')) {
      const cells = (child.children ?? []).filter((cell) => isElement(cell, 'th', 'td'));
      const scope = inHead || cells.every((cell) => isElement(cell, 'th')) ? 'col' : 'row';
      for (const cell of cells) {
        if (!isElement(cell, 'th')) continue;
        cell.properties ??= {};
        cell.properties['scope'] ??= scope;
      }
    } else scopeHeaderCells(child, inHead);
  }
}

/** HTML (a sanitised `text/html` output) with its tables' header cells scoped. */
export function withScopedHeaders(html: string): string {
  if (!html.includes('<th')) return html;
  const tree = htmlToHast(html, { fragment: true }) as unknown as Node;
  scopeHeaderCells(tree);
  return toHtml(tree as unknown as Parameters<typeof toHtml>[0]);
}
