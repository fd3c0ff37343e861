import type { NotebookProps } from '../schemas/components.ts';
import { handover } from './handover.ts';
import type { NotebookView } from '../notebooks/view.ts';

/**
 * The notebooks a production build's content check has already read,
 * prepared and linted, ready to render, for the pages to show instead of
 * reading and decoding the notebook again in Astro's process. Their images
 * are already files in the check's cache, which virtual:casefolio/notebook-images
 * lists. Handed over through processes/handover.ts, as the built charts are;
 * a notebook that is not found is prepared on render (site/notebooks.ts).
 */
const views = handover<NotebookProps, NotebookView>('casefolio.notebook-views');

/** A notebook's identity: the MDX file it is in and its props after their schema. */
export type NotebookKey = string;

export const notebookKey: (mdxFile: string, props: NotebookProps) => NotebookKey = views.key;

/** Makes `views` (from the content check) available to the pages of this build. */
export const shareNotebookViews: (entries: Iterable<readonly [NotebookKey, NotebookView]>) => void =
  views.share;

/** The view the check prepared for these props in this file, if it prepared one. */
export const checkedNotebook: (mdxFile: string, props: NotebookProps) => NotebookView | undefined =
  views.get;
