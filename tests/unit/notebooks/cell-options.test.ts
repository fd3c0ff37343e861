import { describe, expect, it } from 'vitest';
import { cellOptions } from '../../../src/notebooks/cell-options.ts';

describe('cellOptions', () => {
  it("reads Quarto's option lines at the top of a cell and returns the code below them", () => {
    expect(
      cellOptions(
        '#| label: roc\n#| fig-cap: "ROC curve: test set"\n#|echo: false\nplot()\n#| not: an option\n',
      ),
    ).toEqual({
      options: { label: 'roc', 'fig-cap': 'ROC curve: test set', echo: 'false' },
      body: 'plot()\n#| not: an option\n',
    });
  });

  it('reads //| and --| for other kernels', () => {
    expect(cellOptions('//| label: js\nconsole.log(1)').options).toEqual({ label: 'js' });
    expect(cellOptions('--| label: q\nSELECT 1').options).toEqual({ label: 'q' });
  });

  it('leaves a cell without options as it is, and keeps a value YAML cannot read as written', () => {
    expect(cellOptions('%matplotlib inline\nx = 1')).toEqual({
      options: {},
      body: '%matplotlib inline\nx = 1',
    });
    expect(cellOptions('#| fig-alt: a: b: c\n#| - item\nx').options).toEqual({
      'fig-alt': 'a: b: c',
    });
    expect(cellOptions('#| label: roc\r\nx').options).toEqual({ label: 'roc' });
  });
});
