/**
 * Math in a Markdown or MDX pipeline run by Sätteri, the parser Astro
 * compiles MDX with: `$…$` and `$$…$$` are parsed (`mathFeatures`) and each
 * formula is replaced by its MathML (`mathHastPlugins`). The MDX config
 * (integration/astro-config.ts) and the content check's parse
 * (content/mdx/elements.ts) use the same features, so the check reads
 * formulas exactly where the build renders them. Pass all of it to
 * `markdownToHtml` to give other Markdown the same math:
 *
 *     markdownToHtml(text, { features: mathFeatures, hastPlugins: mathHastPlugins })
 */

import { defineHastPlugin, type Features, type HastNode, type HastPluginList } from 'satteri';
import { isDisplayDollars, isProseDollars } from './dollars.ts';
import { texToHtml } from './tex.ts';

/**
 * The parser features math needs. Single dollar signs stay on: Jupyter,
 * Pandoc and LaTeX all write inline math as `$x$`, and dollar amounts in
 * prose are told apart by dollars.ts.
 */
export const mathFeatures = { math: { singleDollarTextMath: true } } satisfies Features;

/**
 * Sätteri turns `$x$` into `<code class="language-math math-inline">`, and a
 * `$$` block or a fenced `math` block into `<pre><code class="language-math">`.
 * Each becomes MathML here; the code highlighter leaves `math` blocks alone.
 */
const renderMath = defineHastPlugin({
  name: 'casefolio-math',
  // Inline formulas are told from dollar amounts by the source around them.
  options: { position: true },
  element: {
    filter: ['code'],
    visit(node, ctx) {
      const classes = node.properties['className'];
      if (!Array.isArray(classes) || !classes.includes('language-math')) return;
      const parent = ctx.parent(node);
      const source = ctx.textContent(node);
      if (!classes.includes('math-inline')) {
        const block = parent.type === 'element' && parent.tagName === 'pre' ? parent : node;
        ctx.replaceNode(block, raw(texToHtml(source, 'block')));
        return;
      }
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) {
        if (isProseDollars(ctx.source, start, end)) {
          ctx.replaceNode(node, { type: 'text', value: ctx.source.slice(start, end) });
          return;
        }
        if (isDisplayDollars(ctx.source, start)) {
          // Display math where the parser saw inline math (`$$x$$` in a
          // sentence): a span, as a div may not stand in a paragraph.
          ctx.replaceNode(node, raw(texToHtml(source, 'in-text')));
          return;
        }
      }
      ctx.replaceNode(node, raw(texToHtml(source, 'inline')));
    },
  },
});

function raw(html: string): HastNode {
  return { type: 'raw', value: html };
}

/**
 * The hast plugins that render math. A document with no dollar sign and no
 * `math` block leaves the plugin out, so its parse skips the position
 * tracking the plugin needs.
 */
export const mathHastPlugins: HastPluginList = [
  ({ source }) => (source.includes('$') || source.includes('math') ? renderMath : null),
];
