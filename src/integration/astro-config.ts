/**
 * What Casefolio adds to the project's Astro config at setup: MDX, math and
 * code highlighting, the sitemap, a Content-Security-Policy, render concurrency,
 * and the Vite plugins that serve the content's config and images.
 */

import { createHash } from 'node:crypto';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroConfig, HookParameters } from 'astro';
import { siteShikiConfig } from '../content/mdx/code-token-classes.ts';
import { mathFeatures, mathHastPlugins } from '../math/markdown.ts';
import { THEME_INIT_SCRIPT } from '../scripts/theme-init.ts';
import type { AnalyticsTag } from '../analytics/tag.ts';
import type { CommentsEmbed } from '../comments/giscus.ts';
import type { IntegrationState } from './state.ts';
import { memberLinkPlugins } from './member-links.ts';
import { mdxWithoutFrontmatter } from './vite/mdx-frontmatter.ts';
import { virtualConfig } from './vite/virtual-config.ts';
import { virtualImages, virtualNotebookImages } from './vite/virtual-images.ts';

type ConfigUpdate = Parameters<HookParameters<'astro:config:setup'>['updateConfig']>[0];

/** The bundler's log hook signature, written out: Astro's config types do not infer it. */
type BundlerLogLevel = 'info' | 'debug' | 'warn';
type BundlerLog = { code?: string; message: string };
type BundlerLogHandler = (level: BundlerLogLevel, log: BundlerLog) => void;

/**
 * The rest of the policy: everything from the site itself unless said
 * otherwise; no <base> (which would send every relative link elsewhere), no
 * plugins, forms that post only to the site. Images and media may also come
 * over the web, as a case study's Markdown may link them (https and http),
 * and images from data: URLs, which Pagefind's stylesheet uses for its icons.
 */
const CSP_DIRECTIVES = [
  "default-src 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'self'",
  "img-src 'self' data: https: http:",
  "media-src 'self' https: http:",
] as const;

/**
 * What analytics adds to the policy besides its script's origin: the
 * origins it sends data to. Nothing without analytics, so `default-src
 * 'self'` still covers every connection then.
 */
function analyticsDirectives(tag: AnalyticsTag | undefined): `connect-src ${string}`[] {
  return tag ? [`connect-src 'self' ${tag.connectOrigins.join(' ')}`] : [];
}

/**
 * What comments add besides their script's and stylesheet's origins: the
 * frame giscus shows them in. Nothing without comments, so `default-src
 * 'self'` still covers every frame then.
 */
function commentsDirectives(embed: CommentsEmbed | undefined): `frame-src ${string}`[] {
  return embed ? [`frame-src 'self' ${embed.frameOrigins.join(' ')}`] : [];
}

/** Pages Astro renders at once in a build. */
const RENDER_CONCURRENCY = 4;

/**
 * The config Casefolio merges into `config`. `cacheDir` is the content
 * folder's own cache, if it needs one (see config-setup.ts). The Vite plugins
 * read `state` when Astro loads their modules, so they wait for the content
 * check rather than for this call.
 */
export function casefolioConfig(
  config: AstroConfig,
  cacheDir: URL | undefined,
  state: IntegrationState,
): ConfigUpdate {
  return {
    ...(cacheDir ? { cacheDir } : {}),
    // Astro renders one page at a time by default and waits for each file
    // write; with a few in flight the renderer keeps working meanwhile
    // (about 1 s less at 1,000 case studies). A concurrency set in
    // astro.config.mjs is kept.
    ...(config.build.concurrency === 1 ? { build: { concurrency: RENDER_CONCURRENCY } } : {}),
    // A Content-Security-Policy on every page: scripts only from the site itself
    // or with Astro's hashes (no 'unsafe-inline'), WebAssembly for Pagefind search.
    // Styles allow inline attributes, which code blocks use to scroll.
    security: {
      csp: {
        algorithm: 'SHA-256',
        directives: [
          ...CSP_DIRECTIVES,
          ...analyticsDirectives(state.resolved?.analytics),
          ...commentsDirectives(state.resolved?.comments),
        ],
        scriptDirective: {
          resources: [
            "'self'",
            "'wasm-unsafe-eval'",
            ...(state.resolved?.analytics?.scriptOrigins ?? []),
            ...(state.resolved?.comments?.scriptOrigins ?? []),
          ],
          hashes: [`sha256-${createHash('sha256').update(THEME_INIT_SCRIPT).digest('base64')}`],
        },
        styleDirective: {
          resources: [
            "'self'",
            "'unsafe-inline'",
            ...(state.resolved?.comments?.styleOrigins ?? []),
          ],
        },
      },
    },
    // The sitemap lists exactly the built pages; drafts are never built in production.
    // MDX compiles what is static (prose, headings, highlighted code) to HTML
    // strings instead of a JSX call per element and per code token: a
    // generated case study's module went from 31.7 KB to 18 KB, and at 1,000
    // case studies the build took about 3 s less CPU and 0.3 GB less memory.
    // It would bypass components that replace HTML elements, and
    // components/mdx/index.ts maps only Casefolio's own components.
    integrations: [mdx({ optimize: true }), sitemap()],
    markdown: {
      // Astro's own parser (Sätteri), with `$…$` and `$$…$$` rendered to
      // MathML at build time (src/math/). MDX extends this config, and the
      // content check parses bodies with the same features
      // (content/mdx/elements.ts), so it reads formulas where the build does.
      // In a cohort, a member's `/case-studies/…` links lead to their own
      // pages under /people/<member>/ (integration/member-links.ts).
      processor: satteri({
        features: mathFeatures,
        hastPlugins: [...mathHastPlugins, ...memberLinkPlugins(state)],
      }),
      // One pass per code block: token colours are custom properties that
      // src/styles/code.css sets for light and dark (two themes cost twice).
      // src/content/mdx/code-token-classes.ts turns its inline colours into classes.
      shikiConfig: siteShikiConfig,
    },
    vite: {
      build: {
        rollupOptions: {
          // Astro's own MDX head-propagation marker trips a bundler warning that
          // says nothing about the intern's content (withastro/astro#18087).
          onLog(level: BundlerLogLevel, log: BundlerLog, handler: BundlerLogHandler) {
            if (
              log.code === 'MODULE_LEVEL_DIRECTIVE' &&
              log.message.includes('astro:head-inject')
            ) {
              return;
            }
            handler(level, log);
          },
        },
      },
      // `astro dev` watches a link as itself: a link in content/ that leads
      // out of it is never walked (files/walk.ts refuses it), and a loop of
      // links is a change the check reports, not a watcher error.
      server: { watch: { followSymlinks: false } },
      plugins: [
        mdxWithoutFrontmatter(() => state.resolved?.contentDir),
        virtualConfig({
          checked: async () => {
            await state.ready;
            return state.resolved;
          },
          collections: async () => {
            await state.listed;
            return state.resolved;
          },
        }),
        virtualImages(async () => {
          await state.ready;
          return state.resolved && { dir: state.resolved.contentDir, skip: state.draftFolders };
        }),
        virtualNotebookImages(async () => {
          await state.ready;
          return state.notebookImages;
        }),
      ],
    },
  };
}
