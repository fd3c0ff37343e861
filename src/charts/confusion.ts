/**
 * The view of a confusion matrix that `<ConfusionMatrix>` renders: counts as
 * shares of their row, accuracy, and the shading step of each cell. Reading
 * and checking a matrix (a file, or `matrix={...}`) is
 * src/artifacts/formats/confusion-matrix.ts.
 */

/** A confusion matrix ready to render: counts plus row-normalised shares. */
export interface ConfusionView {
  labels: string[];
  /** counts[trueClass][predictedClass] */
  counts: number[][];
  /** Each count as a share of its row (the true class), 0..1. */
  shares: number[][];
  /** Correct predictions over all predictions. */
  accuracy: number;
}

/** Counts, labels and shares for rendering; labels default to 0, 1, 2... as scikit-learn sorts them. */
export function buildConfusion(
  matrix: number[][],
  labels: readonly string[] | undefined,
): { ok: true; view: ConfusionView } | { ok: false; message: string } {
  if (labels && labels.length !== matrix.length) {
    return {
      ok: false,
      message: `labels has ${labels.length} ${labels.length === 1 ? 'name' : 'names'} but the matrix has ${matrix.length} classes`,
    };
  }
  const total = matrix.flat().reduce((sum, count) => sum + count, 0);
  const correct = matrix.reduce((sum, row, index) => sum + (row[index] ?? 0), 0);
  return {
    ok: true,
    view: {
      labels: labels ? [...labels] : matrix.map((_, index) => String(index)),
      counts: matrix,
      shares: matrix.map((row) => {
        const sum = row.reduce((a, b) => a + b, 0);
        return row.map((count) => (sum === 0 ? 0 : count / sum));
      }),
      accuracy: total === 0 ? 0 : correct / total,
    },
  };
}

/** Shading step 0..10 for a share, so cells use classes instead of inline styles (CSP). */
export function shadeStep(share: number): number {
  return Math.max(0, Math.min(10, Math.round(share * 10)));
}
