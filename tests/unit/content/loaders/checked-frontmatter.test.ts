import type { ContentEntryType } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { frontmatterAsChecked } from '../../../../src/content/loaders/checked-frontmatter.ts';

/** What a loader read through the `.mdx` entry type it was handed. */
async function readThrough(contents: string): Promise<unknown> {
  // Astro's MDX integration: js-yaml's default schema (dates, tags of its own).
  const astroMdx = {
    extensions: ['.mdx'],
    getEntryInfo: () => {
      throw new Error('YAMLException: unknown tag !<!note>');
    },
  } as unknown as ContentEntryType;
  let data: unknown;
  const glob: Loader = {
    name: 'glob',
    load: async (context) => {
      const entryTypes = (context as LoaderContext & { entryTypes: Map<string, ContentEntryType> })
        .entryTypes;
      const info = await entryTypes.get('.mdx')?.getEntryInfo({
        contents,
        fileUrl: new URL('file:///x.mdx'),
      });
      data = info?.data;
    },
  };
  const context = { entryTypes: new Map([['.mdx', astroMdx]]) } as unknown as LoaderContext;
  await frontmatterAsChecked(glob).load(context);
  return data;
}

describe('frontmatterAsChecked', () => {
  it('hands the loader the frontmatter as the check reads it: dates stay text, unknown tags are dropped', async () => {
    expect(
      await readThrough('---\ntitle: 2025-06-15\nteam: !note Two people\n---\n\nBody.\n'),
    ).toEqual({
      title: '2025-06-15',
      team: 'Two people',
    });
  });

  it("keeps the integration's reading of a file the check could not read", async () => {
    await expect(readThrough('no frontmatter')).rejects.toThrow('YAMLException');
  });
});
