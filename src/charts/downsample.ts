/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): keeps the
 * points that shape a series, so a 20,000-epoch log draws like the original
 * with 1,000 points. Returns the indices to keep, in order; the caller
 * applies them to every column so table and chart stay in step.
 */
export function lttbIndices(
  xs: readonly number[],
  ys: readonly number[],
  threshold: number,
): number[] {
  const length = Math.min(xs.length, ys.length);
  if (threshold >= length || threshold < 3) return Array.from({ length }, (_, index) => index);
  const kept = [0];
  const bucketSize = (length - 2) / (threshold - 2);
  let previous = 0;
  for (let bucket = 0; bucket < threshold - 2; bucket++) {
    // The average of the next bucket is the third corner of the triangle.
    const nextStart = Math.floor((bucket + 1) * bucketSize) + 1;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, length);
    let avgX = 0;
    let avgY = 0;
    for (let i = nextStart; i < nextEnd; i++) {
      avgX += xs[i] ?? 0;
      avgY += ys[i] ?? 0;
    }
    const count = Math.max(1, nextEnd - nextStart);
    avgX /= count;
    avgY /= count;

    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.floor((bucket + 1) * bucketSize) + 1;
    const px = xs[previous] ?? 0;
    const py = ys[previous] ?? 0;
    let best = start;
    let bestArea = -1;
    for (let i = start; i < end; i++) {
      const area = Math.abs((px - avgX) * ((ys[i] ?? 0) - py) - (px - (xs[i] ?? 0)) * (avgY - py));
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    kept.push(best);
    previous = best;
  }
  kept.push(length - 1);
  return kept;
}
