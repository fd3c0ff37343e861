import Anser from 'anser';

/**
 * Terminal output (a cell's stdout and stderr, a traceback) as a page shows
 * it. anser reads the ANSI escape codes; this module writes the HTML itself,
 * so nothing but escaped text in `<span class>` reaches the page: no inline
 * style, no link, no escape code. Colours and decorations become classes of
 * a fixed vocabulary (ANSI_CLASSES) that the site's stylesheet colours for
 * its light and dark themes; 256-colour and true-colour codes, which no
 * stylesheet can follow for both themes, are left uncoloured.
 */

const COLORS = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;

const DECORATIONS = ['bold', 'dim', 'italic', 'underline', 'strikethrough'] as const;

/**
 * Every class the HTML may hold: `ansi-red-fg`, `ansi-bright-red-bg`,
 * `ansi-bold`... (the classes JupyterLab uses, so a notebook's colours read
 * the same).
 */
export const ANSI_CLASSES: readonly string[] = [
  ...COLORS.flatMap((color) =>
    ['', 'bright-'].flatMap((bright) => [`ansi-${bright}${color}-fg`, `ansi-${bright}${color}-bg`]),
  ),
  ...DECORATIONS.map((decoration) => `ansi-${decoration}`),
];

const KNOWN = new Set(ANSI_CLASSES);

/**
 * Operating system commands (a terminal's title, OSC 8 hyperlinks) from ESC
 * `]` to BEL or ESC `\`, which anser does not read: dropped whole, so a
 * link's address never shows as text.
 */
const OSC = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;

/**
 * Escape sequences other than CSI and OSC (ESC `(` B chooses a character
 * set, ESC `=` a keypad mode): ESC, any intermediate bytes, a final byte.
 * Applied after anser has read every CSI (ESC `[`), so none is left to
 * match here.
 */
const OTHER_ESCAPES = /\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;

/**
 * Control characters left after the codes are read: other escapes (ESC `(`
 * B), C1 controls, backspaces, bells. Tabs and line breaks stay.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text as a terminal leaves it on screen, line by line: a carriage return
 * starts its line again (progress bars rewrite one line many times), so only
 * what follows a line's last one is kept; a `\r\n` line end is a line end.
 */
export function settleCarriageReturns(text: string): string {
  if (!text.includes('\r')) return text;
  return text
    .replace(/\r+\n/g, '\n')
    .split('\n')
    .map((line) => line.slice(line.lastIndexOf('\r') + 1))
    .join('\n');
}

/** Terminal text without its escape codes and control characters, carriage returns settled. */
export function stripAnsi(text: string): string {
  return Anser.ansiToText(settleCarriageReturns(text).replace(OSC, ''))
    .replace(OTHER_ESCAPES, '')
    .replace(CONTROLS, '');
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** A colour of anser's (`ansi-red`, `ansi-bright-red`) as a class of ours, or none. */
function colorClass(color: string | null, layer: 'fg' | 'bg'): string | undefined {
  if (!color) return undefined;
  const name = `${color}-${layer}`;
  return KNOWN.has(name) ? name : undefined;
}

/**
 * Terminal text as escaped HTML: runs of coloured or decorated text in
 * `<span class="...">`, every class one of ANSI_CLASSES.
 */
export function ansiToHtml(text: string): string {
  const chunks = Anser.ansiToJson(settleCarriageReturns(text).replace(OSC, ''), {
    use_classes: true,
  });
  let html = '';
  for (const chunk of chunks) {
    const content = escapeHtml(chunk.content.replace(OTHER_ESCAPES, '').replace(CONTROLS, ''));
    if (content === '') continue;
    const classes = [
      colorClass(chunk.fg, 'fg'),
      colorClass(chunk.bg, 'bg'),
      ...chunk.decorations.map((decoration) => `ansi-${decoration}`),
    ].filter((name): name is string => name !== undefined && KNOWN.has(name));
    html +=
      classes.length === 0
        ? content
        : `<span class="${[...new Set(classes)].join(' ')}">${content}</span>`;
  }
  return html;
}
