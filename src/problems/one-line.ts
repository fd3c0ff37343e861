/**
 * Text from content as a problem line may show it unquoted: its line ends and
 * line and paragraph separators written as escapes (`\n`), so the problem
 * stays one line in a terminal, an editor and a CI log.
 */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]/g, (character) => ESCAPES[character] ?? character);
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\r': '\\r',
  '\n': '\\n',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};
