// Which way imports may run between the folders of src/, checked by
// lint/dependencies.ts (`npm run lint:deps`, run in CI). docs/architecture.md draws the same picture; change both together.
//
// The folders form layers. A folder may import its own files and any folder on
// a lower layer, never one on its own layer or above, so there are no cycles
// between folders and a newcomer can read the house from the ground up.
const LAYERS = [
  ['problems', 'i18n'], // what a problem is and how it is worded; the languages pages are written in, one dictionary each
  ['schemas'], // the content contract as zod schemas
  ['files', 'metrics', 'math', 'analytics', 'comments', 'publications'], // the boundary to the intern's files; metric arithmetic and numbers; TeX to MathML; the analytics script and its origins; giscus comments and their origins; publications from BibTeX and profile.yaml
  ['notebooks'], // Jupyter notebooks: read, cells chosen, outputs made safe (artifacts/ reads metrics from them)
  ['artifacts', 'output'], // experiment files: formats, loading, looking up a value; the output folder
  ['charts'], // chart data from tables and artifacts
  ['fairness'], // metrics by group from a fairness file: the gaps, small groups, the bar chart
  ['processes'], // child processes and what they hand to Astro's process
  ['og', 'search'], // Open Graph cards; search records and the index
  ['content'], // the one check of everything under content/, and the plan
  ['dev'], // what `astro dev` adds
  ['site'], // what pages read
  ['resume', 'seo', 'model-card'], // the résumé model; JSON-LD; the model card export
  ['scripts'], // code that runs in the browser, loaded by components' <script> tags
  ['components'],
  ['layouts'],
  ['pages', 'integration'],
  ['authoring'], // the CLI reads the integration's options from the project's Astro config
];

/** `^src/(a|b)/`: a path pattern for folders. */
const folders = (names) => `^src/(${names.join('|')})/`;

const layerRules = LAYERS.flatMap((layer, index) => {
  const notBelow = LAYERS.slice(index).flat();
  return layer.map((folder) => ({
    name: `layer-${folder}`,
    comment: `src/${folder}/ may import only folders below it: ${LAYERS.slice(0, index).flat().join(', ') || 'none'}`,
    severity: 'error',
    // og/route.ts is a page (the preview route `astro dev` serves), not part of og/'s layer.
    from: { path: `^src/${folder}/`, pathNot: '^src/og/route[.]ts$' },
    to: { path: folders(notBelow.filter((name) => name !== folder)) },
  }));
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      comment:
        'Modules that import each other, directly or round a loop, cannot be read or tested apart.',
      severity: 'error',
      from: {},
      // A loop of type imports alone is erased at run time, and a state type
      // and the modules it describes may name each other.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'schemas-only-problems',
      comment:
        'The schemas are the content contract: they import zod, the wording of problems and the list of languages (i18n/locales.ts, to validate `locale`), no feature code.',
      severity: 'error',
      from: { path: '^src/schemas/' },
      to: { path: '^src/', pathNot: '^src/(schemas|problems)/|^src/i18n/locales[.]ts$' },
    },
    {
      name: 'render-reads-site',
      comment:
        'Components, layouts and pages only render: what they show comes from site/ (or the pure helpers of resume/, seo/, metrics/, charts/ and og/card.ts), never from the file system, the checks or the processes.',
      severity: 'error',
      from: { path: '^src/(components|layouts|pages)/' },
      to: {
        path: '^src/(files|artifacts|processes|output|content|dev|search/index|og/(cards|paint|image|layout|png|route))|^(node:)?fs(/promises)?$',
      },
    },
    {
      name: 'client-is-client',
      comment:
        'Code that runs in the browser (scripts/, charts/client/) imports only other browser-safe modules: chart types, config and Chart.js configuration, number formatting.',
      severity: 'error',
      from: { path: '^src/(scripts|charts/client)/|^src/charts/configuration[.]ts$' },
      to: {
        path: '^src/|^(node:)',
        pathNot:
          '^src/(scripts|charts/client)/|^src/schemas/chart-types[.]ts$|^src/charts/(config|configuration)[.]ts$|^src/metrics/(compare|numbers)[.]ts$',
      },
    },
    {
      name: 'og-route-is-a-page',
      comment: 'og/route.ts is the preview route `astro dev` serves: like a page, it reads site/.',
      severity: 'error',
      from: { path: '^src/og/route[.]ts$' },
      to: { path: '^src/(files|artifacts|content|dev)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // lint/dependencies.ts hands .astro files over as X.astro.ts.
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
