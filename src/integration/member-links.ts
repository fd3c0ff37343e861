/**
 * Links between case studies in a cohort: an intern's own portfolio links
 * its case studies as `/case-studies/<slug>/`, and drops into a cohort
 * unchanged, where its pages live under `/people/<member>/`. This hast
 * plugin, in the MDX pipeline, points such a link in a member's MDX at the
 * member's own page. Relative links (`../churn/`) already work there, and
 * `/people/<other>/case-studies/<slug>/` is a link to another member's,
 * which the `case-study-link` lint checks.
 */

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineHastPlugin, type HastPluginList } from 'satteri';
import { PEOPLE_DIR, portfolioPath } from '../schemas/cohort.ts';
import type { IntegrationState } from './state.ts';

/** The member a content file belongs to, from its path under the people folder. */
function memberOfFile(file: string, contentDir: string): string | undefined {
  const relative = path.relative(path.join(contentDir, PEOPLE_DIR), file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const [member, rest] = relative.split(path.sep);
  return rest === undefined ? undefined : member;
}

/**
 * The link as the member's page needs it: their own case studies' pages
 * (`/case-studies/…`, with or without the base path) under the member's
 * folder, and a link to another member's (`/people/…`) under the base path.
 */
export function memberHref(href: string, base: string, member: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  for (const prefix of new Set([root, '/'])) {
    if (href.startsWith(`${prefix}case-studies/`)) {
      return `${root}${portfolioPath(member)}${href.slice(prefix.length)}`;
    }
  }
  if (href.startsWith(`/${PEOPLE_DIR}/`) && !href.startsWith(root))
    return `${root}${href.slice(1)}`;
  return href;
}

/** The plugin, for each MDX file of a cohort member that holds such a link; none otherwise. */
export function memberLinkPlugins(state: IntegrationState): HastPluginList {
  return [
    ({ fileURL, source }) => {
      const resolved = state.resolved;
      if (!resolved?.cohort || !fileURL || !source.includes('case-studies/')) return null;
      const member = memberOfFile(fileURLToPath(fileURL), resolved.contentDir);
      if (member === undefined) return null;
      return defineHastPlugin({
        name: 'casefolio-member-links',
        element: {
          filter: ['a'],
          visit(node, ctx) {
            const href = node.properties['href'];
            if (typeof href !== 'string') return;
            const moved = memberHref(href, resolved.base, member);
            if (moved !== href) ctx.setProperty(node, 'href', moved);
          },
        },
      });
    },
  ];
}
