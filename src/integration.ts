import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { shareCheckedValues } from './build/checked-values.ts';
import { runChildJob } from './build/child-process.ts';
import type { BuildContentPlan, PlanMode } from './content/plan.ts';
import { setLiveProblems } from './dev/live-problems.ts';
import { settle } from './dev/debounce.ts';
import { codeTokenClasses } from './content/mdx/code-token-classes.ts';
import { publishSearchIndex } from './search/index-writer.ts';
import { publishOgCards, renderOgCards, type RenderedOgCard } from './og/cards.ts';
import { missingGlyphsWarning } from './og/card.ts';
import { pruneUnreferencedImages } from './build/prune-assets.ts';
import { emptyOutDir } from './build/out-dir.ts';
import { pluralize } from './problems/plural.ts';
import { formatFinding, formatProblem, problemsSummary } from './problems/problem.ts';
import {
  siteOptionsSchema,
  type ResolvedSiteOptions,
  type SiteOptions,
} from './schemas/site-options.ts';
import { virtualConfig, type ResolvedConfig } from './integration/vite/virtual-config.ts';
import { virtualImages } from './integration/vite/virtual-images.ts';
import { mdxWithoutFrontmatter } from './integration/vite/mdx-frontmatter.ts';
import { THEME_INIT_SCRIPT } from './scripts/theme-init.ts';

/** The bundler's log hook signature, written out: Astro's config types do not infer it. */
type BundlerLogLevel = 'info' | 'debug' | 'warn';
type BundlerLog = { code?: string; message: string };
type BundlerLogHandler = (level: BundlerLogLevel, log: BundlerLog) => void;

/**
 * The Casefolio engine as an Astro integration: it validates all content
 * before Astro starts (so a broken file gives one clear line, never a stack
 * trace), adds MDX and code highlighting, and tells the content collections
 * which files to load.
 */
/** Each casefolio() integration's resolved options, for `npm run check` to read from the config. */
export const integrationOptions = new WeakMap<AstroIntegration, ResolvedSiteOptions>();

/**
 * In a build's scratch folder: the search records the check writes, the
 * index written from them, and the cards staged under their published paths.
 */
const SEARCH_RECORDS = 'search-records.json';
const SEARCH_INDEX = 'search';
const OG_CARDS = 'cards';

/** A new, empty folder of this build's own under `parent`. */
function scratchFolder(parent: string): string {
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(path.join(parent, 'build-'));
}

/** Pages Astro renders at once in a build. */
const RENDER_CONCURRENCY = 4;

/** Quiet time after the last change under content/ before `astro dev` re-checks and reloads. */
const RELOAD_SETTLE_MS = 150;

export default function casefolio(userOptions: SiteOptions = {}): AstroIntegration {
  const options = siteOptionsSchema.parse(userOptions);
  // Filled in at setup and finalised once Astro has merged every config source
  // (astro.config.mjs, CLI flags such as --base); the virtual module reads it lazily.
  let resolved: ResolvedConfig | undefined;
  // Re-runs the content checks in `astro dev`; set up at config time, called by the dev watcher.
  let recheck: (() => Promise<void>) | undefined;
  // Where the build writes the site: emptied when the build fails (see astro:config:setup).
  let outDir: string | undefined;
  // The production build's Open Graph cards, painted in the background from config time on.
  let ogCards: Promise<RenderedOgCard[]> | undefined;
  // Settles once the content has been checked and planned; nothing reads content before.
  let ready: Promise<void> = Promise.resolve();
  // Folder-form drafts, whose images a production build leaves out.
  let draftFolders: string[] = [];
  // The production build's search index, written in the background into
  // <buildScratch>/search: a folder in the cache of this build's own, so two
  // builds of one project never share it.
  let searchIndex: Promise<number> | undefined;
  let buildScratch: string | undefined;
  const integration: AstroIntegration = {
    name: 'casefolio',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, injectRoute, logger }) => {
        const root = fileURLToPath(config.root);
        const contentDir = path.resolve(
          root,
          process.env['CASEFOLIO_CONTENT_DIR'] ?? options.contentDir,
        );
        const location = { root, contentDir, publicDir: fileURLToPath(config.publicDir) };
        // Drafts are left out of the production build at the loader, so no page,
        // asset or data module is ever generated from them.
        const showDrafts = command === 'dev';
        // The lints run with the checks, so the build refuses what `npm run check` calls an error.
        const mode: PlanMode = { showDrafts, forBuild: command === 'build', lints: options };

        // A failed build leaves no site behind: whatever stops it (content
        // problems, a page that fails to render, the search index or the cards
        // failing), the output folder is emptied as the process exits, so the
        // previous site cannot be deployed by mistake as if it were this one.
        // Emptying rather than writing a marker file: every deploy tool
        // uploads a folder with a marker in it, none can upload an empty one.
        // It is what Astro itself does before writing a site (keeping .git,
        // and not at all with vite.build.emptyOutDir: false), so it removes
        // nothing a successful build would have kept.
        if (command === 'build' && config.vite?.build?.emptyOutDir !== false) {
          outDir = fileURLToPath(config.outDir);
          process.once('exit', (code) => {
            if (code !== 0 && outDir) emptyOutDir(outDir);
          });
        }
        // Astro's content cache keeps an entry's file path while its content is
        // unchanged, so two content folders with identical files would share
        // stale paths. Another folder than content/ gets a cache of its own.
        const cacheDir =
          path.relative(root, contentDir) === 'content'
            ? undefined
            : new URL(
                `casefolio-${createHash('sha256').update(contentDir).digest('hex').slice(0, 12)}/`,
                config.cacheDir,
              );

        // Casefolio's own build files: painted cards (kept between builds) and, in
        // a folder of this build's own, the search records and index before the
        // index is published.
        const casefolioCache = path.join(fileURLToPath(cacheDir ?? config.cacheDir), 'casefolio');
        const scratch = command === 'build' ? scratchFolder(casefolioCache) : undefined;
        buildScratch = scratch;

        resolved = {
          base: config.base,
          root,
          contentDir,
          caseStudiesDir: path.join(contentDir, 'case-studies'),
          profilePath: path.join(contentDir, 'profile.yaml'),
          showDrafts,
          // Filled in by listFiles, before the content collections read it.
          caseStudyPatterns: [],
        };
        const settings = resolved;

        // A production build checks the content in a child process, on the core
        // Astro leaves idle while it sets itself up (about two seconds at 1,000
        // case studies). The child says which files to load as soon as it has
        // read every frontmatter; the content collections start loading then
        // (virtual:casefolio/collections-config) and finish once the check has
        // passed (content/loaders/checked-loader.ts). Other commands check first, in this process.
        const { promise: listed, resolve: filesListed } = Promise.withResolvers<void>();
        const listFiles = (patterns: string[]) => {
          settings.caseStudyPatterns = patterns;
          filesListed();
        };
        const planning: Promise<BuildContentPlan> = scratch
          ? runChildJob<BuildContentPlan>(
              new URL('./content/plan-child.ts', import.meta.url),
              { location, ...mode, searchRecordsFile: path.join(scratch, SEARCH_RECORDS) },
              { name: 'the content check', onEarly: (patterns) => listFiles(patterns as string[]) },
            )
          : // The checker is loaded only where it runs in this process: a build's
            // Astro process never needs it, and loading it took 0.13 s of the
            // build's start-up, before the check's child process could start.
            import('./content/plan.ts').then(({ planContent }) =>
              planContent(location, mode),
            );

        ready = planning.then(
          (plan) => {
            listFiles(plan.caseStudyPatterns);
            if (plan.problems.length > 0) {
              const lines = plan.problems.map(formatProblem);
              const summary = problemsSummary(plan.problems);
              if (command === 'build' || command === 'sync') {
                // Plain lines on stderr and a non-zero exit: the contract's error format,
                // with nothing from Astro's error reporter (and so no stack trace) around it.
                process.stderr.write(`${lines.join('\n')}\n\n${summary}\n`);
                if (buildScratch) rmSync(buildScratch, { recursive: true, force: true });
                process.exit(1);
              }
              logger.error(`${lines.join('\n')}\n${summary}`);
            }
            // Once, where the build goes on: `npm run check` prints them too, the same way.
            if (command === 'build' && plan.warnings.length > 0) {
              logger.warn(plan.warnings.map(formatFinding).join('\n'));
            }
            setLiveProblems(plan.problems);
            // The pages take the charts, matrices and metric values the check
            // read instead of reading their files again.
            shareCheckedValues(plan);
            // A folder-form draft keeps its images to itself in production.
            draftFolders = plan.draftFolders;
            if (!config.site && command === 'build') {
              logger.warn(
                'site is not set, so pages get no canonical URL and the sitemap, RSS feed and social previews use relative links. Set SITE_URL (for example https://ada.github.io) or `site` in astro.config.mjs.',
              );
            }
            if (scratch) {
              // Both run in the background while Astro bundles and renders; failures
              // are reported when the build collects them, not as unhandled rejections.
              ogCards = renderOgCards(plan.cards, {
                root,
                cacheDir: path.join(casefolioCache, 'og'),
                stagingDir: path.join(scratch, OG_CARDS),
              });
              ogCards.catch(() => undefined);
              searchIndex = runChildJob<number>(
                new URL('./search/index-child.ts', import.meta.url),
                {
                  recordsFile: path.join(scratch, SEARCH_RECORDS),
                  outputPath: path.join(scratch, SEARCH_INDEX),
                },
                // Normal priority, unlike the card painter: at nice 19 the build was
                // about 1 s faster, but Pagefind (0.5 GB) then ran until Astro's own
                // memory peak at the end of the bundle, and the build's peak RSS rose
                // from 2.3 to 2.9 GB, over the 2.5 GB budget.
                { name: 'the search indexer' },
              );
              searchIndex.catch(() => undefined);
            }
          },
          (error: unknown) => {
            // Not a content problem (the check reports those): the check itself broke.
            process.stderr.write(`the content could not be checked: ${(error as Error).message}\n`);
            process.exit(1);
          },
        );
        if (command !== 'build') await ready;

        if (command === 'dev') {
          const { recheckContent } = await import('./dev/recheck.ts');
          // The same checks as at start-up, lints included: what the build
          // would refuse is what the overlay shows.
          recheck = async () => {
            await recheckContent(location, mode, logger);
          };
          injectRoute({
            pattern: '/og/[...card]',
            entrypoint: new URL('og/route.ts', config.srcDir),
          });
        }

        updateConfig({
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
              scriptDirective: {
                resources: ["'self'", "'wasm-unsafe-eval'"],
                hashes: [
                  `sha256-${createHash('sha256').update(THEME_INIT_SCRIPT).digest('base64')}`,
                ],
              },
              styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
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
            // One pass per code block: token colours are custom properties that
            // src/styles/code.css sets for light and dark (two themes cost twice).
            // src/content/mdx/code-token-classes.ts turns its inline colours into classes.
            shikiConfig: {
              theme: 'css-variables',
              wrap: false,
              transformers: [codeTokenClasses],
            },
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
            plugins: [
              mdxWithoutFrontmatter(() => resolved?.contentDir),
              virtualConfig({
                checked: async () => {
                  await ready;
                  return resolved;
                },
                collections: async () => {
                  await listed;
                  return resolved;
                },
              }),
              virtualImages(async () => {
                await ready;
                return { dir: contentDir, skip: draftFolders };
              }),
            ],
          },
        });
      },
      'astro:server:setup': ({ server }) => {
        if (!resolved) return;
        const { contentDir } = resolved;
        // Data files and artifacts are read at render time, outside Vite's module
        // graph, so saving one would not refresh the page on its own. Every change
        // under content/ re-runs the checks (errors go to the overlay) and reloads.
        // A save can come in two steps (truncate, then write), and the watcher may
        // report only the first: every loader, Astro's included, would then keep
        // the empty file. So once the changes have settled, each changed file is
        // announced again, which makes the loaders read it as saved (they skip a
        // file whose content did not change), then the checks run and the page reloads.
        const changed = new Set<string>();
        const recheckAndReload = settle(async () => {
          for (const file of changed) server.watcher.emit('change', file);
          changed.clear();
          await recheck?.();
          server.ws.send({ type: 'full-reload' });
        }, RELOAD_SETTLE_MS);
        server.watcher.add(contentDir);
        // 'all' sees only real file-system events: chokidar does not repeat an
        // emitted 'change' there, so the announcements above do not loop.
        server.watcher.on('all', (event, file) => {
          const absolute = path.resolve(file);
          if (!absolute.startsWith(contentDir + path.sep)) return;
          if (event === 'change' || event === 'add') changed.add(absolute);
          recheckAndReload();
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        await ready;
        if (ogCards) {
          const cards = await ogCards.catch((error: unknown) => {
            // Not a content problem (those stop the build before it starts): the
            // painter itself failed, for example without a canvas binary for this platform.
            logger.error(
              `the social preview images could not be painted: ${(error as Error).message}`,
            );
            process.exit(1);
          });
          if (buildScratch) publishOgCards(path.join(buildScratch, OG_CARDS), fileURLToPath(dir));
          for (const card of cards) {
            if (card.missing.length > 0) logger.warn(missingGlyphsWarning(card.path, card.missing));
          }
          logger.info(`social preview images: ${cards.length}`);
        }
        const pruned = pruneUnreferencedImages(fileURLToPath(dir));
        if (pruned.length > 0) {
          logger.info(`removed ${pluralize(pruned.length, 'unused original image')}`);
        }
        if (searchIndex && buildScratch) {
          const pages = await searchIndex.catch((error: unknown) => {
            logger.error(`the search index could not be written: ${(error as Error).message}`);
            process.exit(1);
          });
          publishSearchIndex(
            path.join(buildScratch, SEARCH_INDEX),
            path.join(fileURLToPath(dir), 'pagefind'),
          );
          logger.info(`search index: ${pluralize(pages, 'page')}`);
        }
        if (buildScratch) rmSync(buildScratch, { recursive: true, force: true });
      },
      'astro:config:done': ({ config }) => {
        // import.meta.env.BASE_URL is not reliable in prerendered pages, so
        // links are built from the final config's base instead.
        if (resolved) resolved.base = config.base;
        // Another integration may have moved the output folder since setup.
        if (outDir) outDir = fileURLToPath(config.outDir);
      },
    },
  };
  integrationOptions.set(integration, options);
  return integration;
}
