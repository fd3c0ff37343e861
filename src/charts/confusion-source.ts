import type { ConfusionMatrixProps } from '../schemas/components.ts';
import { checkMatrix, readMatrixFile } from '../artifacts/formats/confusion-matrix.ts';
import { buildConfusion, type ConfusionView } from './confusion.ts';

export type ConfusionResult =
  | { ok: true; view: ConfusionView }
  | {
      ok: false;
      /** The prop the message is about. */
      prop: 'src' | 'matrix' | 'labels';
      message: string;
    };

/**
 * Everything a `<ConfusionMatrix>` shows, from its file beside the MDX file
 * or its inline counts, with its class names: the check and, where the check
 * did not build it, the page both get it here.
 */
export function loadConfusion(
  props: ConfusionMatrixProps,
  mdxFile: string,
  contentDir: string,
): ConfusionResult {
  const read = props.src
    ? readMatrixFile(props.src, mdxFile, contentDir)
    : checkMatrix(props.matrix);
  if (!read.ok) return { ok: false, prop: props.src ? 'src' : 'matrix', message: read.message };
  const built = buildConfusion(read.matrix, props.labels ?? read.labels);
  return built.ok ? built : { ok: false, prop: 'labels', message: built.message };
}
