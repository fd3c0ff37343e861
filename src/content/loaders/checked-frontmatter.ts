import type { Loader, LoaderContext } from 'astro/loaders';
import type { ContentEntryType } from 'astro';
import { readFrontmatter } from '../frontmatter.ts';

/**
 * A loader whose MDX entries' data is the frontmatter as Casefolio's check
 * read it, not as Astro's MDX integration reads it again.
 *
 * The glob loader asks the entry type of `.mdx` (`@astrojs/mdx`) for each
 * file's data, and that parses the frontmatter with js-yaml's default schema,
 * which reads more than the YAML 1.2 core schema the check uses: a bare
 * `title: 2025-06-15` becomes a Date, which the schema then refuses with
 * Astro's own error, and an unknown tag (`title: !foo Churn`) throws a raw
 * YAMLException. Both passed the check. With the check's reading, whatever
 * the check accepts the build reads the same way, and whatever it refuses
 * never gets this far. A file the check could not read at all keeps the
 * integration's reading (the check has reported it, and a production build
 * stops on that first).
 */
export function frontmatterAsChecked(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) => loader.load(withCheckedFrontmatter(context)),
  };
}

/** The loader context's entry types, an internal field the glob loader reads. */
type WithEntryTypes = LoaderContext & { entryTypes?: Map<string, ContentEntryType> };

function withCheckedFrontmatter(context: LoaderContext): LoaderContext {
  const entryTypes = (context as WithEntryTypes).entryTypes;
  const mdx = entryTypes?.get('.mdx');
  if (!entryTypes || !mdx) return context;
  const checked: ContentEntryType = {
    ...mdx,
    getEntryInfo: (params) => {
      const read = readFrontmatter(params.contents);
      const data = read.ok ? read.yaml.data : undefined;
      if (!read.ok || typeof data !== 'object' || data === null || Array.isArray(data)) {
        return mdx.getEntryInfo(params);
      }
      return {
        data: data as Record<string, unknown>,
        body: read.split.body.trim(),
        slug: '',
        rawData: read.split.frontmatter,
      };
    },
  };
  return { ...context, entryTypes: new Map([...entryTypes, ['.mdx', checked]]) } as LoaderContext;
}
