import { describe, expect, it } from 'vitest';
import { ANSI_CLASSES, ansiToHtml, stripAnsi } from '../../../src/notebooks/ansi.ts';

const ESC = '\u001b';

describe('ansiToHtml', () => {
  it('turns colours and decorations into classes, and escapes the text', () => {
    expect(ansiToHtml(`${ESC}[0;31mValueError${ESC}[0m: <b>&'"\n${ESC}[1;92mok${ESC}[0m`)).toBe(
      '<span class="ansi-red-fg">ValueError</span>: &lt;b&gt;&amp;&#39;&quot;\n<span class="ansi-bright-green-fg ansi-bold">ok</span>',
    );
  });

  it('lets nothing but escaped text and known classes through: no style, link or escape code', () => {
    const hostile = `${ESC}[38;2;255;0;0mtrue${ESC}[0m ${ESC}[38;5;200mpalette${ESC}[0m ${ESC}]8;;javascript:alert(1)${ESC}\\link${ESC}]8;;${ESC}\\ ${ESC}(Bx\u0007\u0008${ESC}[2K${ESC}[1Aup`;
    const html = ansiToHtml(hostile);
    expect(html).toBe('true palette link xup');
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f]|style|href|javascript/);
    for (const [, classes] of ansiToHtml(`${ESC}[1;2;3;4;5;7;8;9;41;97mall`).matchAll(
      /class="([^"]*)"/g,
    )) {
      for (const name of (classes ?? '').split(' ')) expect(ANSI_CLASSES).toContain(name);
    }
  });

  it('settles carriage returns as a terminal shows them (progress bars)', () => {
    expect(ansiToHtml(' 10%|#  |\r 50%|## |\r100%|###|\nDone\r\n')).toBe('100%|###|\nDone\n');
  });
});

describe('stripAnsi', () => {
  it('keeps the text only', () => {
    expect(stripAnsi(`${ESC}[0;32m----> 1${ESC}[0m raise\r\n`)).toBe('----> 1 raise\n');
  });
});
