/**
 * Where and why `JSON.parse` failed, as a problem line tells it: the 1-based
 * line, and the parser's reason without the excerpt of the file it quotes.
 */
export interface JsonSyntaxError {
  line: number;
  reason: string;
}

/**
 * V8 reports an unexpected token with the text around it instead of a
 * position: `Unexpected token ']', ..."0.5,\n 0.4,]}" is not valid JSON`. The
 * excerpt is the file's content (it may hold a line break or a secret), so
 * messages drop it; it still tells where the token is, 10 characters into the
 * excerpt when the excerpt starts mid-file.
 */
const EXCERPT = /, (\.\.\.)?"(.*)"(\.\.\.)? is not valid JSON$/s;
const EXCERPT_CONTEXT = 10;

/** The 0-based offset of a JSON.parse error, when the message tells it. */
function errorOffset(message: string, text: string): number | undefined {
  const position = /\bposition (\d+)/.exec(message)?.[1];
  if (position !== undefined) return Number(position);
  const excerpt = EXCERPT.exec(message);
  if (!excerpt) return undefined;
  const [, cutBefore, shown = '', cutAfter] = excerpt;
  if (cutBefore) {
    const start = text.indexOf(shown);
    return start === -1 ? undefined : start + EXCERPT_CONTEXT;
  }
  return cutAfter ? shown.length - EXCERPT_CONTEXT : undefined;
}

/** The 1-based line of a JSON.parse error (the last line when the parser does not say). */
function errorLine(message: string, text: string): number {
  const line = /\bline (\d+)/.exec(message)?.[1];
  if (line !== undefined) return Number(line);
  const offset = errorOffset(message, text) ?? text.length;
  return text.slice(0, offset).split('\n').length;
}

/** A `JSON.parse` error message on `text`, as its line and the parser's reason. */
export function jsonSyntaxError(message: string, text: string): JsonSyntaxError {
  const reason = message
    .replace(/\s*(?:in JSON )?at position \d+.*$/s, '')
    .replace(EXCERPT, '')
    .replace(/^JSON\.parse: /, '');
  return { line: errorLine(message, text), reason };
}
