/**
 * What the hooks of one casefolio() integration share. astro:config:setup
 * fills it in; the later hooks and the Vite plugins read it, lazily, since
 * the content check it waits for goes on after setup has returned.
 */

import type { ResolvedConfig } from './vite/virtual-config.ts';
import type { BuildExtras } from './build-extras.ts';

export interface IntegrationState {
  /**
   * Filled in at setup and finalised once Astro has merged every config
   * source (astro.config.mjs, CLI flags such as --base): the virtual modules
   * read it when they are loaded.
   */
  resolved: ResolvedConfig | undefined;
  /**
   * Settles once the content check has said which case study files to load,
   * long before it ends in a production build: the content collections start
   * loading then.
   */
  listed: Promise<void>;
  /**
   * Settles once the content has been checked and planned; nothing reads
   * content before. It rejects when a build must stop over content problems,
   * which is how the problems reach Astro (integration/build-failure.ts).
   */
  ready: Promise<void>;
  /** Folder-form drafts, whose images a production build leaves out. */
  draftFolders: string[];
  /** The images the content check decoded from notebooks, absolute, for virtual:casefolio/notebook-images. */
  notebookImages: string[];
  /** Re-runs the content checks in `astro dev`; set at setup, called by the dev watcher. */
  recheck: (() => Promise<void>) | undefined;
  /** Where a production build writes the site: emptied when the build fails. */
  outDir: string | undefined;
  /** A production build's cards and search index, made beside the pages. */
  extras: BuildExtras | undefined;
}

/** The state before astro:config:setup: no content checked, nothing to wait for. */
export function newIntegrationState(): IntegrationState {
  return {
    resolved: undefined,
    listed: Promise.resolve(),
    ready: Promise.resolve(),
    draftFolders: [],
    notebookImages: [],
    recheck: undefined,
    outDir: undefined,
    extras: undefined,
  };
}
