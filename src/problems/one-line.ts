/**
 * Text from content as a problem line may show it unquoted: its line ends and
 * line and paragraph separators written as escapes (`\n`), and every other
 * character a terminal would act on or hide (C0 and C1 controls but tab,
 * bidirectional controls) as a `\u001b` escape, so the problem stays one
 * printable line in a terminal, an editor and a CI log whatever a message
 * quotes. Messages quote content through `describeValue` where they can; this
 * is the last guard for the ones that show a name as it is.
 */
export function oneLine(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu,
    (character) =>
      ESCAPES[character] ?? `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\r': '\\r',
  '\n': '\\n',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};
