/**
 * `npm run check`: every content problem the build would report, plus the
 * authoring lints, in a few seconds and without building. `--json` prints the
 * same findings for editors and CI. Exits 1 when there is any error.
 */
import { parseArgs } from 'node:util';
import {
  completeness,
  formatCompleteness,
  formatMemberCompleteness,
  memberCompleteness,
} from './completeness.ts';
import { checkAll, memberLeftOut, memberOf } from '../content/check-all.ts';
import { recommendedSections } from '../content/lints.ts';
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
const { options, contentDir, publicDir, site, warning, optionsErrors } = await loadSiteOptions(
  root,
  flags.config,
);
// Options the build would refuse: nothing else is checked against defaults it would not use.
if (optionsErrors) {
  for (const line of optionsErrors) console.error(line);
  console.error(`\n${pluralize(optionsErrors.length, 'error')} in the casefolio() options.`);
  process.exit(1);
}
// The same check as the build's and the dev server's (content/check-all.ts).
const {
  portfolios,
  findings: sorted,
  cohort,
} = await checkAll({ root, contentDir, publicDir }, { ...options, site });
const errors = sorted.filter((finding) => finding.severity === 'error').length;
const warnings = sorted.length - errors;
const rows = cohort
  ? []
  : portfolios.flatMap(({ report }) =>
      completeness(report, (frontmatter) => recommendedSections(options, frontmatter)),
    );
// In a cohort, one row per member: a coordinator reads who needs help, not every case study.
const members = portfolios.flatMap(({ member, report }) => {
  if (!member) return [];
  const own = sorted.filter(
    (finding) => memberOf(finding.file, { root, contentDir }) === member.slug,
  );
  const memberErrors = own.filter((finding) => finding.severity === 'error').length;
  return [
    memberCompleteness(
      { slug: member.slug, track: report.profile?.track },
      completeness(report, (frontmatter) => recommendedSections(options, frontmatter)),
      { errors: memberErrors, warnings: own.length - memberErrors },
    ),
  ];
});
const studies = portfolios.reduce((sum, { report }) => sum + report.caseStudies.length, 0);

if (flags.json) {
  console.log(
    JSON.stringify(
      {
        errors,
        warnings,
        findings: sorted,
        completeness: rows,
        ...(cohort ? { members } : {}),
      },
      null,
      2,
    ),
  );
} else {
  if (warning) console.error(`warning: ${warning}`);
  for (const finding of sorted) {
    const line = formatFinding(finding);
    (finding.severity === 'error' ? console.error : console.log)(line);
  }
  if (rows.length > 0) console.log(`\n${formatCompleteness(rows)}`);
  if (members.length > 0) console.log(`\n${formatMemberCompleteness(members)}`);
  const where = cohort
    ? `${pluralize(studies, 'case study', 'case studies')} of ${pluralize(members.length, 'member')} and the cohort`
    : `${pluralize(studies, 'case study', 'case studies')} and the profile`;
  console.log(`\n${pluralize(errors, 'error')}, ${pluralize(warnings, 'warning')} in ${where}.`);
  if (cohort?.data?.onMemberError === 'skip' && errors > 0) {
    console.log(
      'onMemberError is skip: the build leaves out each member with an error above and builds the rest.',
    );
  }
}
// Under onMemberError: skip, a member's errors leave the member out of the
// build rather than stop it, so only the others fail the check (a workflow's
// check step then lets the build publish everyone else).
const stopping = sorted.filter(
  (finding) =>
    finding.severity === 'error' &&
    memberLeftOut(finding, cohort, { root, contentDir }) === undefined,
).length;
process.exitCode = stopping > 0 ? 1 : 0;
