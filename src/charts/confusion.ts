import { parseNumber } from '../artifacts/data-table.ts';

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

export type MatrixResult =
  | {
      ok: true;
      matrix: number[][];
      /** Class names found in the file, if any. */ labels?: string[];
    }
  | { ok: false; message: string };

/**
 * Reads a confusion matrix as scikit-learn users save it: a JSON nested
 * array (`json.dump(cm.tolist())`) or a headerless CSV (`np.savetxt`).
 */
export function parseMatrix(text: string, format: 'json' | 'csv'): MatrixResult {
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { ok: false, message: `not valid JSON (${(error as Error).message})` };
    }
    // `{ "labels": [...], "matrix": [[...]] }` carries its own class names.
    if (typeof data === 'object' && data !== null && !Array.isArray(data) && 'matrix' in data) {
      const { matrix, labels } = data as { matrix: unknown; labels?: unknown };
      const checked = checkMatrix(matrix);
      const names =
        Array.isArray(labels) &&
        labels.every((label) => typeof label === 'string' || typeof label === 'number')
          ? labels.map(String)
          : undefined;
      return checked.ok && names ? { ...checked, labels: names } : checked;
    }
    return checkMatrix(data);
  }
  let rows = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    // Commas, semicolons or tabs when a line has them; np.savetxt's default is spaces.
    .map((line) => line.trim().split(/[,;\t]/.test(line) ? /[,;\t]/ : /\s+/))
    .map((cells) => cells.map((cell) => cell.trim().replace(/^"(.*)"$/, '$1')));
  // pandas' DataFrame(cm, index=labels, columns=labels).to_csv() adds a header
  // row and a label column; np.savetxt writes bare counts.
  let labels: string[] | undefined;
  const header = rows[0];
  // The corner cell decides: pandas leaves it empty or writes a name ("true\\pred");
  // np.savetxt starts with a count. So `,0,1` is a header of numeric class names,
  // and `52,x` is a row with a bad count.
  const corner = header?.[0] ?? '';
  if (header && (corner === '' || parseNumber(corner) === undefined)) {
    labels = header.slice(1);
    rows = rows.slice(1).map((row) => row.slice(1));
  }
  const matrix: number[][] = [];
  for (const [r, row] of rows.entries()) {
    const values = row.map((cell) => parseNumber(cell));
    const bad = values.findIndex((value) => value === undefined || !Number.isFinite(value));
    if (bad !== -1) {
      return { ok: false, message: `row ${r + 1} has ${JSON.stringify(row[bad])}, not a count` };
    }
    matrix.push(values as number[]);
  }
  const checked = checkMatrix(matrix);
  return checked.ok && labels ? { ...checked, labels } : checked;
}

/** A square matrix of non-negative counts, at least 2 x 2. */
export function checkMatrix(data: unknown): MatrixResult {
  if (!Array.isArray(data) || data.length < 2) {
    return { ok: false, message: 'expected a square list of rows of counts, at least 2 x 2' };
  }
  const size = data.length;
  for (const [r, row] of data.entries()) {
    if (!Array.isArray(row) || row.length !== size) {
      const count = Array.isArray(row) ? row.length : 0;
      return {
        ok: false,
        message: `row ${r + 1} has ${count} ${count === 1 ? 'count' : 'counts'}; a ${size}-class matrix needs ${size}`,
      };
    }
    const bad = row.findIndex(
      (cell) => typeof cell !== 'number' || !Number.isFinite(cell) || cell < 0,
    );
    if (bad !== -1) {
      const cell: unknown = row[bad];
      const shown =
        typeof cell === 'number' && !Number.isFinite(cell) ? `"${cell}"` : JSON.stringify(cell);
      return { ok: false, message: `row ${r + 1} has ${shown}, not a count` };
    }
  }
  return { ok: true, matrix: data as number[][] };
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
