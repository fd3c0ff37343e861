import type { Locale } from '../i18n/locales.ts';
import type { ImageMetadata } from 'astro';
import config from 'virtual:casefolio/config';
import type { NotebookProps } from '../schemas/components.ts';
import { checkedNotebook } from '../processes/notebook-views.ts';
import { notebookSelection, prepareNotebookFile } from '../content/mdx/notebooks.ts';
import type { NotebookView } from '../notebooks/view.ts';
import { caseStudyFile, contentDirOf } from './case-study-files.ts';
import { notebookImages } from './notebook-images.ts';
import { renderNotebook, type RenderedNotebook } from './notebook-render.ts';
import type { NotebookName } from './notebook-names.ts';
import type { CaseStudy } from './portfolio.ts';

/**
 * What `<Notebook>` shows, for the component, which reads no file itself.
 * The content check has read and prepared every notebook written with
 * static props, decoded its images into the build's cache, and handed the
 * views over (processes/notebook-views.ts): once in a build, after every
 * save's re-check in `astro dev`. A view it did not prepare (props computed
 * at render) is prepared here, from the same file with the same limits.
 */

/** The view for these props in this case study: the check's, or prepared now. */
function notebookView(props: NotebookProps, mdxFile: string): NotebookView {
  const checked = checkedNotebook(mdxFile, props);
  if (checked) return checked;
  const prepared = prepareNotebookFile(props.src, notebookSelection(props), {
    mdxFile,
    contentDir: contentDirOf(mdxFile),
    imagesDir: config.notebookImagesDir,
    maxBytes: config.notebookMaxBytes,
  });
  // The check has reported what is wrong with a notebook it could read; a
  // page only meets one computed at render.
  const problem = !prepared.ok ? prepared.message : prepared.problems[0];
  if (problem !== undefined || !prepared.ok) {
    throw new Error(`<Notebook src="${props.src}">: ${problem ?? 'could not be read'}`);
  }
  return prepared.view;
}

/** The notebook `<Notebook>` with these props shows in this case study, ready to render. */
export async function notebookOnPage(
  props: NotebookProps,
  study: CaseStudy | undefined,
  name: NotebookName,
  locale?: Locale,
): Promise<RenderedNotebook<ImageMetadata>> {
  const view = notebookView(props, caseStudyFile(study));
  return renderNotebook(view, notebookImages, name.label, locale);
}
