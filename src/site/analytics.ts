import config from 'virtual:casefolio/config';
import type { AnalyticsTag } from '../analytics/tag.ts';

/** The analytics script every page loads (`casefolio({ analytics })`), or undefined: off by default. */
export function analyticsScript(): AnalyticsTag | undefined {
  return config.analytics;
}
