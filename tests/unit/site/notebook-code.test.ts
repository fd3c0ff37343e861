import { describe, expect, it } from 'vitest';
import { highlightNotebookCode } from '../../../src/site/notebook-code.ts';

/**
 * A notebook's code cells highlighted in time that grows with their length:
 * a cell of 20,000 lines (a pasted dataset, a generated script) took 13 s,
 * and a megabyte of code minutes, when each line split the whole cell again.
 */
describe('highlightNotebookCode on a long cell', () => {
  it('highlights 20,000 lines of Python in a few seconds, magics included', async () => {
    await highlightNotebookCode('%matplotlib inline\nx = 1', 'python');
    const cell = '%time fit()\nx = [1, 2, "a"]  # note\n'.repeat(10_000);
    const started = performance.now();
    const html = await highlightNotebookCode(cell, 'python');
    expect(performance.now() - started).toBeLessThan(6_000);
    expect(html.match(/code-token-function">%time</g)).toHaveLength(10_000);
  });
});
