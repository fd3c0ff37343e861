import { defineHastPlugin } from 'satteri';
import { isDisplayDollars, isProseDollars } from '../math/dollars.ts';
import { texToHtml } from '../math/tex.ts';

/**
 * Math in a notebook's Markdown, in two steps around the sanitiser: the
 * formulas are found while the Markdown is parsed (as math/markdown.ts finds
 * them in MDX, dollar amounts told apart the same way) and left as code the
 * sanitiser keeps; once the notebook's own HTML is clean, each becomes
 * MathML. Temml's MathML carries inline styles (a matrix's spacing, a
 * `\textcolor`), which the sanitiser would rightly take from the notebook's
 * HTML, so it is added after.
 */

/** The class Sätteri gives a formula's `<code>`, and the classes that say how it is set. */
export const MATH_CLASSES = ['language-math', 'math-inline', 'math-in-text'] as const;

/**
 * Sätteri writes `$x$` as `<code class="language-math math-inline">` and a
 * `$$` block as `<pre><code class="language-math">`: a dollar amount
 * (`$5 and $10`) goes back to text, and display math written in a sentence
 * is marked `math-in-text`, to be set in a span.
 */
export const markFormulas = defineHastPlugin({
  name: 'casefolio-notebook-math',
  options: { position: true },
  element: {
    filter: ['code'],
    visit(node, ctx) {
      const classes = node.properties['className'];
      if (!Array.isArray(classes) || !classes.includes('math-inline')) return;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      if (isProseDollars(ctx.source, start, end)) {
        ctx.replaceNode(node, { type: 'text', value: ctx.source.slice(start, end) });
      } else if (isDisplayDollars(ctx.source, start)) {
        ctx.setProperty(node, 'className', ['language-math', 'math-in-text']);
      }
    },
  },
});

/** A node of a sanitised tree, as far as formulas are looked for. */
interface Node {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
  value?: string;
}

function text(node: Node): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(text).join('');
}

function classesOf(node: Node): unknown[] {
  const classes = node.properties?.['className'];
  return Array.isArray(classes) ? classes : [];
}

/** How a formula's code element is set (outside a `$$` block), or undefined when it is no formula. */
function formulaOf(node: Node): 'inline' | 'in-text' | undefined {
  if (node.type !== 'element' || node.tagName !== 'code') return undefined;
  const classes = classesOf(node);
  if (!classes.includes('language-math')) return undefined;
  return classes.includes('math-in-text') ? 'in-text' : 'inline';
}

/** The formula of a `$$` block: a `<pre>` holding one formula's code. */
function blockFormula(node: Node): Node | undefined {
  const [only, ...rest] = node.tagName === 'pre' ? (node.children ?? []) : [];
  return only && rest.length === 0 && formulaOf(only) ? only : undefined;
}

/**
 * Every formula in a sanitised tree replaced by its MathML, as raw HTML: the
 * only raw HTML in the tree, as the sanitiser removes any other.
 */
export function renderFormulas(tree: Node): void {
  const children = tree.children ?? [];
  children.forEach((child, index) => {
    const block = blockFormula(child);
    const mode = block ? 'block' : formulaOf(child);
    if (mode === undefined) renderFormulas(child);
    else children[index] = { type: 'raw', value: texToHtml(text(block ?? child), mode) };
  });
}
