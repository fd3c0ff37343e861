/**
 * The characters content may not hold, and how messages name a character.
 * The text schemas (text.ts) apply the rules to every text field.
 */

/**
 * What no text in content may hold: the C0 and C1 control characters
 * (U+0000-U+001F, U+007F-U+009F) but tab and line feed, unpaired surrogates
 * (half a character), and the noncharacters U+FFFE and U+FFFF. None of them
 * can be shown, and an XML feed that holds one is no longer XML.
 */
const UNSHOWABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]|\p{Cs}/u;

/**
 * The bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069):
 * they make the text around them read in another order than it is stored,
 * so a name holding one can pass for another (U+202E and `gnp.exe` show as
 * `exe.png`).
 */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;

/** `U+001B`: a character as its code point. */
export function codePoint(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first character of `text` matching `pattern`, and its 1-based position in characters. */
function firstMatch(text: string, pattern: RegExp): { character: string; at: number } | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  return { character: match[0], at: Array.from(text.slice(0, match.index)).length + 1 };
}

/**
 * Why `text` cannot be shown as written: a control character, half a
 * character or a noncharacter, named by code point; undefined when it can.
 * Every text field of the contract applies it (through {@link plainString}).
 */
export function unshowableText(text: string): string | undefined {
  const found = firstMatch(text, UNSHOWABLE);
  if (!found) return undefined;
  const character = `${codePoint(found.character)} (character ${found.at})`;
  if (/\p{Cs}/u.test(found.character)) {
    return `${character} is half of a character (an unpaired surrogate), which no page or feed can show; remove it`;
  }
  if (/[\ufffe\uffff]/.test(found.character)) {
    return `${character} is not a character, and no page or feed can show it; remove it`;
  }
  return `the control character ${character} cannot be shown on a page or in a feed; remove it (tabs and line breaks are fine)`;
}

/**
 * Why `text` cannot name a page or a file: a bidirectional override or
 * isolate, named by code point; undefined when it can.
 */
export function bidiControlText(text: string): string | undefined {
  const found = firstMatch(text, BIDI_CONTROL);
  if (!found) return undefined;
  return `the bidirectional control ${codePoint(found.character)} (character ${found.at}) makes a name read in another order than it is written; remove it`;
}
