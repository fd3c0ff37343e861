import { satteriCreateHighlightFn } from '@astrojs/markdown-satteri';
import { memoize } from 'es-toolkit/function';
import { toHtml } from 'hast-util-to-html';
import type { ShikiTransformer } from 'shiki';
import { bundledLanguages } from 'shiki/langs';
import { siteShikiConfig } from '../content/mdx/code-token-classes.ts';

/**
 * A notebook's code cells, highlighted as the site's MDX code blocks are
 * (Astro's own Shiki highlighter, the css-variables theme and the token
 * classes of src/styles/code.css), so they look the same in light and dark.
 */

/**
 * A line IPython reads as a command, not as Python: a line magic
 * (`%matplotlib inline`), a cell magic (`%%time`) or a shell command
 * (`!pip install scikit-learn`). Its first word is the command.
 */
const MAGIC = /^(\s*)((?:%%?|!)[^\s]*)(.*)$/;

/** The last source split into lines: the transformer sees every line of one source in turn. */
let split: { source: string; lines: string[] } | undefined;

/** A source's lines, split once per source rather than once per line (which took minutes on a long cell). */
function linesOf(source: string): string[] {
  if (split?.source !== source) split = { source, lines: source.split('\n') };
  return split.lines;
}

/**
 * Shows IPython's magics and shell commands as commands: Python's grammar
 * reads `%` as an operator and `!pip` as a name, which looks broken. The
 * command is coloured as a function, the rest of the line left plain.
 */
const ipythonMagics: ShikiTransformer = {
  name: 'casefolio:ipython-magics',
  line(node, line) {
    if (this.options.lang !== 'python') return;
    const text = linesOf(this.source)[line - 1] ?? '';
    const magic = MAGIC.exec(text);
    if (!magic) return;
    const [, indent = '', command = '', rest = ''] = magic;
    const children: typeof node.children = [];
    if (indent) children.push({ type: 'text', value: indent });
    children.push({
      type: 'element',
      tagName: 'span',
      properties: { className: ['code-token-function'] },
      children: [{ type: 'text', value: command }],
    });
    if (rest) children.push({ type: 'text', value: rest });
    node.children = children;
  },
};

/** The site's highlighting, with IPython's commands shown as commands. */
export const notebookShikiConfig = {
  ...siteShikiConfig,
  transformers: [...siteShikiConfig.transformers, ipythonMagics],
};

/** Astro's highlighter with the site's config, made once per process. */
const highlighter = memoize(async () => {
  const highlight = await satteriCreateHighlightFn('shiki', notebookShikiConfig);
  if (!highlight) throw new Error('Shiki did not start');
  return highlight;
});

/**
 * The Shiki language for a notebook's language name (`python`, `R`,
 * `julia`): a language Shiki knows, else plain text, which it highlights
 * without a warning.
 */
export function shikiLanguage(language: string): string {
  const name = language.trim().toLowerCase();
  return Object.hasOwn(bundledLanguages, name) ? name : 'plaintext';
}

/** A code cell's source as a highlighted `<pre>`, as HTML. */
export async function highlightNotebookCode(source: string, language: string): Promise<string> {
  const highlight = await highlighter();
  const pre = await highlight(source, shikiLanguage(language));
  return toHtml(pre as Parameters<typeof toHtml>[0]);
}
