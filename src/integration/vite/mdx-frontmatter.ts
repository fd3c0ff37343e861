import path from 'node:path';
import type { Plugin } from 'vite';
import { blankFrontmatter } from '../../content/frontmatter-fence.ts';

/**
 * Hands Astro's MDX compiler each case study without its frontmatter text.
 *
 * The compiler parses an MDX file's frontmatter again and writes it into the
 * compiled module as an object (`export const frontmatter`). Casefolio's
 * pages read the checked data from the content collection, never that
 * export, so at 1,000 case studies it was 1,000 YAML parses on Astro's main
 * thread and 2 KB of JavaScript per module for the bundler to parse and for
 * the render to load, all unused. The text between the fences becomes
 * spaces, so every position in the body (and so every MDX error's line and
 * column) stays the same. Files outside the content folder are left alone.
 */
export function mdxWithoutFrontmatter(contentDir: () => string | undefined): Plugin {
  return {
    name: 'casefolio:mdx-without-frontmatter',
    // Before @astrojs/mdx's own `pre` plugin, which compiles the file.
    enforce: 'pre',
    transform: {
      filter: { id: /\.mdx$/ },
      handler(code, id) {
        const dir = contentDir();
        if (dir === undefined || !id.startsWith(dir + path.sep)) return undefined;
        const blanked = blankFrontmatter(code);
        // No position moves, so the file needs no source map of its own.
        return blanked === undefined ? undefined : { code: blanked, map: null };
      },
    },
  };
}
