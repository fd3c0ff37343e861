/**
 * `npm run check`: every content problem the build would report, plus the
 * authoring lints, in a few seconds and without building. `--json` prints the
 * same findings for editors and CI. Exits 1 when there is any error.
 */
import { parseArgs } from 'node:util';
import { completeness, formatCompleteness } from './completeness.ts';
import { checkAll } from '../content/check-all.ts';
import { pluralize } from '../problems/plural.ts';
import { formatFinding } from '../problems/problem.ts';
import { loadSiteOptions, missingConfig } from './site-config.ts';

function readFlags() {
  try {
    return parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
        config: { type: 'string' },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}; see npm run check -- --help`);
    process.exit(2);
  }
}

const flags = readFlags();

if (flags.help) {
  console.log(`Usage: npm run check [-- [--json] [--config FILE]]

Checks content/ like the build does (every field, file, component and data
file), then lints what the build accepts but a reviewer would flag. Prints
one line per finding, then a completeness table; --json prints both as JSON.
--config names the Astro config to read options from, as astro build --config
does (astro.config.mjs by default). Exits 1 when there is an error.`);
  process.exit(0);
}

const root = process.cwd();
const missing = missingConfig(root, flags.config);
if (missing !== undefined) {
  console.error(missing);
  process.exit(2);
}
const { options, contentDir, publicDir, site, warning } = await loadSiteOptions(root, flags.config);
// The same check as the build's and the dev server's (content/check-all.ts).
const { report, findings: sorted } = await checkAll(
  { root, contentDir, publicDir },
  { ...options, site },
);
const errors = sorted.filter((finding) => finding.severity === 'error').length;
const warnings = sorted.length - errors;
const rows = completeness(report, options.sections);

if (flags.json) {
  console.log(JSON.stringify({ errors, warnings, findings: sorted, completeness: rows }, null, 2));
} else {
  if (warning) console.error(`warning: ${warning}`);
  for (const finding of sorted) {
    const line = formatFinding(finding);
    (finding.severity === 'error' ? console.error : console.log)(line);
  }
  if (rows.length > 0) console.log(`\n${formatCompleteness(rows)}`);
  const studies = report.caseStudies.length;
  console.log(
    `\n${pluralize(errors, 'error')}, ${pluralize(warnings, 'warning')} in ${pluralize(studies, 'case study', 'case studies')} and the profile.`,
  );
}
process.exitCode = errors > 0 ? 1 : 0;
