import { describe, expect, it } from 'vitest';
import { cellName, exampleCells, findCell, selectCells } from '../../../src/notebooks/select.ts';
import { code, display, markdown, notebook, PNG_1X1, stream } from './notebooks.ts';

const nb = notebook([
  markdown('# Title', { id: 'intro' }),
  code('#| label: fit\nmodel.fit(X, y)', 3, [], { id: 'c1' }),
  code('#| label: roc\nplot_roc()', 4, [], { id: 'c2' }),
  code('print(1)', 12, [], { id: 'c3', metadata: { tags: ['remove-input'] } }),
  code('secret()', 13, [], { id: 'c4', metadata: { tags: ['remove-cell'] } }),
  code('#| output: false\nquiet()', 14, [], { id: 'c5' }),
  { cell_type: 'raw', id: 'r1', metadata: {}, source: 'raw' },
]);

const all = { input: true, outputs: true };

describe('findCell', () => {
  it('finds a cell by label, then id, then execution count', () => {
    expect(findCell(nb, 'roc')).toMatchObject({ ok: true, index: 2 });
    expect(findCell(nb, 'intro')).toMatchObject({ ok: true, index: 0 });
    expect(findCell(nb, 12)).toMatchObject({ ok: true, index: 3 });
    expect(findCell(nb, '12')).toMatchObject({ ok: true, index: 3 });
  });

  it('refuses a reference that names several cells, rather than taking the first', () => {
    const twice = notebook([
      code('#| label: fit\nfirst()', 1, [], { id: 'a' }),
      markdown('between', { id: 'a' }),
      code('#| label: fit\nsecond()', 2),
      code('restarted()', 1),
    ]);
    expect(findCell(twice, 'fit')).toEqual({
      ok: false,
      message:
        'label "fit" names 2 cells (cells 1 and 3), so which one is meant is unclear; give each cell a label of its own',
    });
    expect(findCell(twice, 'a')).toEqual({
      ok: false,
      message:
        'id "a" names 2 cells (cells 1 and 2), so which one is meant is unclear; give each cell a label of its own (a line "#| label: NAME" at its top)',
    });
    expect(findCell(twice, 1)).toEqual({
      ok: false,
      message:
        'In [1] names 2 cells (cells 1 and 4: the kernel was restarted and only some cells run again), so which one is meant is unclear; restart the kernel and run every cell in order (Kernel > Restart Kernel and Run All Cells), or add a line "#| label: NAME" at the top of the cell you mean',
    });
  });

  it('lists what there is, with a close match', () => {
    expect(findCell(nb, 'fti')).toEqual({
      ok: false,
      message:
        'no cell "fti" in the notebook (did you mean "fit"?); it has labels "fit", "roc", 7 cell ids and execution counts 3-4, 12-14; write one of these, or add a line "#| label: NAME" at the top of the cell you mean',
    });
  });

  it('says so when no cell ran as that count, listing the ids when they are few', () => {
    const small = notebook([code('x', 1, [], { id: 'a' }), code('y', 2, [], { id: 'b' })]);
    expect(findCell(small, 40)).toEqual({
      ok: false,
      message:
        'no cell ran as In [40] in the notebook; it has ids "a", "b" and execution counts 1-2 but no #| label: lines; write one of these, or add a line "#| label: NAME" at the top of the cell you mean',
    });
    // What it lacks after what it has: "no" never reads as covering the whole list.
    expect(findCell(notebook([code('x', 3), code('y', 4)]), 9)).toMatchObject({
      message: expect.stringContaining('it has execution counts 3-4 but no #| label: lines;'),
    });
    expect(findCell(notebook([code('x', null)]), 1)).toMatchObject({
      message: expect.stringContaining(
        'it has no #| label: lines and no execution counts (it was saved without being run);',
      ),
    });
  });
});

describe('exampleCells', () => {
  it('names figures first, then cells with outputs, in notebook order, as cells would', () => {
    const figure = () => display({ 'image/png': PNG_1X1 });
    const thirdParty = notebook([
      markdown('# Feature Engineering'),
      code('data = [...]', 1),
      code('vec.fit_transform(data)', 3, [stream('array(...)')]),
      code('plt.scatter(x, y)', 10, [figure()]),
      code('#| label: line\nplt.plot(x, yfit)', 11, [figure()]),
    ]);
    expect(exampleCells(thirdParty)).toEqual(['10', '"line"']);
    expect(exampleCells(thirdParty, 3)).toEqual(['3', '10', '"line"']);
    // Cells without outputs, or that never ran and have no label, are no example.
    expect(exampleCells(notebook([code('x = 1', 1), code('y', null, [stream('2')])]))).toEqual([]);
  });
});

describe('cellName', () => {
  it('names a cell the way a reader finds it', () => {
    expect(cellName(nb.cells[2]!, 2)).toBe('cell "roc"');
    expect(cellName(nb.cells[3]!, 3)).toBe('In [12] (the 4th cell)');
    expect(cellName(nb.cells[0]!, 0)).toBe('the 1st cell');
  });
});

describe('selectCells', () => {
  it('shows every cell but the removed and raw ones, honouring tags and Quarto options', () => {
    const { cells, problems } = selectCells(nb, all);
    expect(problems).toEqual([]);
    expect(cells.map(({ index, input, outputs }) => [index, input, outputs])).toEqual([
      [0, true, true],
      [1, true, true],
      [2, true, true],
      [3, false, true],
      [5, true, false],
    ]);
  });

  it('keeps notebook order and shows each cell once, with the props applied', () => {
    const { cells, problems } = selectCells(nb, {
      cells: ['roc', 3, 'fit', 'c2'],
      input: false,
      outputs: true,
    });
    expect(problems).toEqual([]);
    expect(cells.map(({ index, input }) => [index, input])).toEqual([
      [1, false],
      [2, false],
    ]);
  });

  it('has one problem for each reference that names no cell or a removed one', () => {
    const { cells, problems } = selectCells(nb, { cells: ['nope', 13, 'fit', 99, 'r1'], ...all });
    expect(cells.map((cell) => cell.index)).toEqual([1]);
    expect(problems).toEqual([
      expect.stringMatching(/^no cell "nope" in the notebook; /),
      'cells names 13, In [13] (the 5th cell), which is tagged remove-cell, so it is never shown; remove the tag in Jupyter (the Property Inspector lists cell tags) or leave the cell out of cells',
      expect.stringMatching(/^no cell ran as In \[99\] in the notebook; /),
      'cells names "r1", the 7th cell, which is a raw cell (text nbconvert passes to one output format), which a page does not show',
    ]);
  });
});
