import type { Plugin } from 'vite';

/** What the integration resolved at startup, shared with the content config and pages. */
export interface ResolvedConfig {
  /** The site's base path (`/` or `/portfolio/`), after CLI flags are applied. */
  base: string;
  /** The project root, absolute: collection entries' file paths are relative to it. */
  root: string;
  contentDir: string;
  caseStudiesDir: string;
  profilePath: string;
  /** True in `astro dev`: drafts are listed and marked. */
  showDrafts: boolean;
  /** Glob patterns (relative to caseStudiesDir) the collection loads. */
  caseStudyPatterns: string[];
}

const ID = 'virtual:casefolio/config';
const RESOLVED_ID = `\0${ID}`;

/**
 * Serves the resolved config as `virtual:casefolio/config`. The getter may
 * wait: a production build finishes checking the content while Astro sets
 * itself up, and the content collections must not load before that.
 */
export function virtualConfig(
  getConfig: () => Promise<ResolvedConfig | undefined> | ResolvedConfig | undefined,
): Plugin {
  return {
    name: 'casefolio:config',
    resolveId(id) {
      return id === ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      return `export default ${JSON.stringify(await getConfig())};`;
    },
  };
}
