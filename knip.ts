import type { KnipConfig } from 'knip';

// Unused files, exports and dependencies (`npm run lint:unused`, run in CI).
// The Astro plugin adds astro.config.mjs, src/content.config.ts and
// src/pages/**; the Vitest plugin adds tests/**/*.test.ts and the globalSetup
// files of vitest.config.ts. The entries below are the modules that start by
// another route: a command, a path handed to Astro or to a child process, a
// <script> tag, a --import flag.
const config: KnipConfig = {
  entry: [
    // The Astro config of every test build and dev server (tests/helpers/build.ts).
    'tests/astro.config.mjs',
    // The integration, imported by both Astro configs.
    'src/integration.ts',
    // `npm run check` and `npm run new`.
    'src/authoring/check.ts',
    'src/authoring/new.ts',
    // Child processes and worker threads started by path: `new URL('./x-child.ts', import.meta.url)`.
    'src/*/*-child.ts',
    'src/*/*-worker.ts',
    // The OG card route, handed to Astro's injectRoute by path.
    'src/og/route.ts',
    // Client scripts, imported from components' <script> tags.
    'src/scripts/*.ts',
    'src/charts/client/*.ts',
    // `npm run bench` and `npm run size`.
    'bench/*.ts',
    // Loaded into `astro build` with node --import (tests/build/artifact-reads.test.ts).
    'tests/build/trace-reads.mjs',
    // Makes the résumé PDFs the unit tests read (`node tests/fixtures/resume-pdfs/make.ts`).
    'tests/fixtures/resume-pdfs/make.ts',
    // Child processes the unit tests start by path.
    'tests/fixtures/child-jobs/*.ts',
    'tests/fixtures/module-graph/*.ts',
  ],
  // Exports of entry files count too: a script or bench function nobody imports is dead.
  includeEntryExports: true,
  project: ['src/**/*.{ts,mjs,astro,mdx}', 'bench/**/*.ts', 'tests/**/*.{ts,mjs}', '*.{ts,mjs}'],
  ignoreDependencies: [
    // Read as files through createRequire().resolve(), which Knip does not follow:
    // the OG card fonts (src/og/image.ts), the JSON Resume schema
    // (tests/helpers/json-resume.ts), axe's browser bundle (tests/helpers/browser.ts)
    // and the Nu HTML Checker's jar (tests/build/html-validity.test.ts).
    '@fontsource/noto-sans',
    '@fontsource/noto-sans-arabic',
    // The math font served where a reader has none, named in a url() of
    // src/styles/math.css, which Vite resolves and Knip does not read.
    '@fontsource/noto-sans-math',
    '@jsonresume/schema',
    'axe-core',
    'vnu-jar',
    // Imported from @astrojs/mdx's own folder, to test the version it runs
    // (tests/unit/content/frontmatter-fence.test.ts): listing it would pin another copy.
    '@astrojs/internal-helpers',
  ],
  ignoreIssues: {
    // getStaticPaths and GET are read by Astro from the injected route.
    'src/og/route.ts': ['exports'],
    // The default export is read by Astro through --config.
    'tests/astro.config.mjs': ['exports'],
  },
};

export default config;
