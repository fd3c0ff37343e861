import type { ConfusionMatrixProps } from '../schemas/components.ts';
import { handover } from './handover.ts';
import type { ConfusionView } from '../charts/confusion.ts';

/**
 * The confusion matrices a production build's content check has already read
 * and checked, ready to render, for the pages to show instead of opening the
 * matrix file again in Astro's process. Handed over through processes/handover.ts,
 * as the built charts are; a matrix that is not found is read from its file.
 */
const views = handover<ConfusionMatrixProps, ConfusionView>('casefolio.confusion-views');

/** A matrix's identity: the MDX file it is in and its props after their schema. */
export type ConfusionKey = string;

export const confusionKey: (mdxFile: string, props: ConfusionMatrixProps) => ConfusionKey =
  views.key;

/** Makes `views` (from the content check) available to the pages of this build. */
export const shareConfusionViews: (
  entries: Iterable<readonly [ConfusionKey, ConfusionView]>,
) => void = views.share;

/** The matrix the check read for these props in this file, if it read one. */
export const checkedConfusion: (
  mdxFile: string,
  props: ConfusionMatrixProps,
) => ConfusionView | undefined = views.get;
