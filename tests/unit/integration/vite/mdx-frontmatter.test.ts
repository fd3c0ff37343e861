import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mdxWithoutFrontmatter } from '../../../../src/integration/vite/mdx-frontmatter.ts';

const contentDir = path.resolve('/site/content');
const source = '---\ntitle: A\n---\n\nBody\n';

/** The plugin's transform, called as Vite would for one module. */
function transform(id: string, dir: () => string | undefined = () => contentDir) {
  const plugin = mdxWithoutFrontmatter(dir);
  const hook = plugin.transform;
  if (typeof hook !== 'object' || hook === null || !('handler' in hook)) {
    throw new Error('expected a filtered transform hook');
  }
  expect(hook.filter).toEqual({ id: /\.mdx$/ });
  return (hook.handler as (code: string, id: string) => unknown).call({}, source, id);
}

describe('mdxWithoutFrontmatter', () => {
  it('runs before the MDX compiler', () => {
    expect(mdxWithoutFrontmatter(() => contentDir).enforce).toBe('pre');
  });

  it('hands the compiler a case study without its frontmatter text, positions unchanged', () => {
    const study = path.join(contentDir, 'case-studies', 'churn', 'index.mdx');
    expect(transform(study)).toEqual({ code: '---\n        \n---\n\nBody\n', map: null });
  });

  it('leaves MDX outside the content folder alone', () => {
    expect(transform(path.resolve('/site/src/pages/about.mdx'))).toBeUndefined();
    expect(transform(path.resolve('/site/content-old/study.mdx'))).toBeUndefined();
    // Before Astro has resolved the content folder.
    expect(transform(path.join(contentDir, 'x.mdx'), () => undefined)).toBeUndefined();
  });
});
