import type { FairnessData } from '../schemas/responsible.ts';
import { handover } from './handover.ts';
import type { FairnessView } from '../fairness/view.ts';

/**
 * The fairness breakdowns a production build's content check has already
 * read and worked out (the groups, the gaps, the bar chart), for the page's
 * "Responsible ML" section and the model card to show instead of reading the
 * file again in Astro's process. Handed over through processes/handover.ts, as
 * the built charts are; a breakdown that is not found is worked out by
 * site/portfolio.ts.
 */
const views = handover<FairnessData, FairnessView>('casefolio.fairness-views');

/** A breakdown's identity: the MDX file it is in and its `responsible.fairness` after the schema. */
export type FairnessKey = string;

export const fairnessKey: (mdxFile: string, fairness: FairnessData) => FairnessKey = views.key;

/** Makes `views` (from the content check) available to the pages of this build. */
export const shareFairnessViews: (entries: Iterable<readonly [FairnessKey, FairnessView]>) => void =
  views.share;

/** The view the check worked out for this breakdown in this file, if it did. */
export const checkedFairness: (
  mdxFile: string,
  fairness: FairnessData,
) => FairnessView | undefined = views.get;
