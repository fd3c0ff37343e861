/**
 * What is wrong with a formula, in one line an intern can act on: Temml's
 * error without its position noise (`at position 4:` and the source with
 * every character underlined), reworded where the fix is known, with a
 * did-you-mean for a misspelt command.
 */

import { didYouMean } from '../problems/did-you-mean.ts';
import { parseTex, texToMathml } from './tex.ts';

/** Where Temml's commands are listed, for a command it does not know. */
const SUPPORTED_URL = 'https://temml.org/docs/en/supported.html';

/**
 * A one-line message for a formula Temml cannot render, or undefined when it
 * renders. `display` is whether it is display math (`$$…$$`), where a few
 * commands such as `\tag` are allowed that inline math refuses.
 */
export function texProblem(tex: string, display: boolean): string | undefined {
  try {
    texToMathml(tex, display);
    return undefined;
  } catch (error) {
    if (error instanceof RangeError) {
      return 'nested too deeply to render; split it into smaller formulas';
    }
    const message = error instanceof Error ? error.message : String(error);
    // Temml's own errors are ParseErrors; anything else is a slip inside
    // Temml on input it should have refused, so say what usually causes it.
    if (!(error instanceof Error) || error.name !== 'ParseError') return unreadable(tex);
    return reworded(cleaned(message), tex);
  }
}

/** Temml's message without the position and the underlined copy of the source. */
function cleaned(message: string): string {
  return message
    .trim()
    .replace(/\s+at (position \d+|end of input):[\s\S]*$/, '')
    .replace(/\s+/g, ' ');
}

/** Temml's wording of a problem, and Casefolio's for it. */
const REWORDINGS: [RegExp, (match: RegExpMatchArray, tex: string) => string][] = [
  [/^Unsupported function name: (\\\S+)$/, ([, command]) => unknownCommand(command ?? '')],
  [
    /^(Unexpected end of input in a macro argument, expected|Expected) '\}'(, got 'EOF')?$/,
    (_match, tex) => endOfInput(tex),
  ],
  [/^Expected 'EOF', got '\}'$/, () => 'a } closes nothing; remove it or add the { it closes'],
  [
    /^Expected 'EOF', got '&'$/,
    () =>
      '& only separates columns inside an environment such as aligned, matrix or cases; write \\& for an ampersand',
  ],
  [
    /^Expected 'EOF', got '\\right'$/,
    () => '\\right has no \\left before it; add one (\\left. for an invisible one)',
  ],
  [
    /^Expected '\\right', got 'EOF'$/,
    () => '\\left needs a matching \\right (\\right. for an invisible one)',
  ],
  [
    /^Mismatch: \\begin\{(.+)\} matched by \\end\{(.+)\}$/,
    ([, begin, end]) => `\\begin{${begin}} is closed by \\end{${end}}; the names must match`,
  ],
  [/^No such environment: (.+)$/, ([, name]) => unknownEnvironment(name ?? '')],
  [
    /^Double (superscript|subscript)$/,
    ([, which]) => {
      const mark = which === 'superscript' ? '^' : '_';
      return `two ${which}s on one base; group them, as x${mark}{a${mark}b} or {x${mark}a}${mark}b`;
    },
  ],
  [
    /^Expected group (?:as argument to|after) '(.+)'$/,
    ([, command]) => `${command} is missing its argument; write it in braces, as ${command}{x}`,
  ],
  [
    /^Function "(\\\S+)" is not trusted$/,
    ([, command]) =>
      `${command} is not allowed in a formula on the site (it would load a file or style the page)`,
  ],
  [
    /^Too many expansions/,
    () => 'a macro expands without end (a \\def or \\newcommand that calls itself)',
  ],
  [
    /^(\\tag) works only in display mode$/,
    ([, command]) => `${command} works only in display math: write the formula between $$ and $$`,
  ],
  [
    /^Invalid color: '(.*)'$/,
    ([, colour]) => `"${colour}" is not a colour; use a name (red) or #rrggbb`,
  ],
];

function reworded(message: string, tex: string): string {
  for (const [pattern, reword] of REWORDINGS) {
    const match = pattern.exec(message);
    if (match) return reword(match, tex);
  }
  // Temml's own sentence, starting lower-case like every other problem.
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/** A ^ or _ with nothing after it, or another slip Temml did not put into words. */
function unreadable(tex: string): string {
  const dangling = /([\^_])\s*$/.exec(tex);
  if (dangling) {
    const mark = dangling[1];
    return `${mark} at the end has nothing to ${mark === '^' ? 'raise' : 'lower'}; write x${mark}{2}, or remove it`;
  }
  return 'could not be read; check that every ^, _ and command has its argument in braces';
}

function unknownCommand(command: string): string {
  const suggestion = didYouMean(command.slice(1), supportedNeighbours(command.slice(1)));
  return suggestion
    ? `unknown command ${command} (did you mean \\${suggestion}?)`
    : `unknown command ${command}; the commands Temml supports are listed at ${SUPPORTED_URL}`;
}

function unknownEnvironment(name: string): string {
  const suggestion = didYouMean(name, supportedNeighbours(name, isEnvironment));
  return suggestion
    ? `unknown environment \\begin{${name}} (did you mean \\begin{${suggestion}}?)`
    : `unknown environment \\begin{${name}}; use aligned, matrix, pmatrix, bmatrix, cases or array`;
}

/**
 * The formula ended while Temml still waited for a }: either a { is never
 * closed, or a command at the end is missing its arguments (`\frac` alone),
 * which Temml words the same way.
 */
function endOfInput(tex: string): string {
  const opened = (tex.replace(/\\[{}]/g, '').match(/\{/g) ?? []).length;
  const closed = (tex.replace(/\\[{}]/g, '').match(/\}/g) ?? []).length;
  const last = /(\\[A-Za-z]+)\s*$/.exec(tex);
  if (opened <= closed && last) {
    return `${last[1]} at the end is missing its arguments; write them in braces after it, as ${last[1]}{…}`;
  }
  return 'a { is never closed; add the missing }';
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The names one typo away from `name` (a letter left out, added, changed or
 * two swapped) that Temml knows. Temml does not list its commands, so each
 * neighbour is asked of the parser; a misspelt command costs a few hundred
 * parses of one word, about a millisecond each at worst.
 */
function supportedNeighbours(name: string, known = isCommand): string[] {
  const neighbours = new Set<string>();
  for (let i = 0; i <= name.length; i++) {
    const before = name.slice(0, i);
    const after = name.slice(i);
    if (after) neighbours.add(before + after.slice(1));
    if (after.length > 1)
      neighbours.add(before + after.charAt(1) + after.charAt(0) + after.slice(2));
    for (const letter of LETTERS) {
      neighbours.add(before + letter + after);
      if (after) neighbours.add(before + letter + after.slice(1));
    }
  }
  neighbours.delete(name);
  return [...neighbours].filter((candidate) => candidate !== '' && known(candidate));
}

/** Whether Temml knows `\name`: it may still want arguments, but it is not unknown. */
function isCommand(name: string): boolean {
  return parses(`\\${name}`, /^Unsupported function name/);
}

function isEnvironment(name: string): boolean {
  return parses(`\\begin{${name}}\\end{${name}}`, /^No such environment/);
}

/** False when parsing `tex` fails with `unknown`; true when it parses or fails otherwise. */
function parses(tex: string, unknown: RegExp): boolean {
  try {
    parseTex(tex, true);
    return true;
  } catch (error) {
    return !(error instanceof Error && unknown.test(error.message.trim()));
  }
}
