import { parse } from 'yaml';

/**
 * A code cell's options, written as Quarto writes them: `key: value` lines at
 * the very top of the cell after the language's comment and a bar (`#|` in
 * Python, R and Julia, `//|` in JavaScript and C-like kernels, `--|` in
 * SQL). The first line that is not an option ends them. Casefolio reads
 * `label`, `fig-alt`, `fig-cap`, `echo`, `output` and `include`.
 */
export interface CellOptions {
  /** Option values as text (`false`, `ROC curve`), keyed as written. */
  options: Record<string, string>;
  /** The cell's code without its option lines. */
  body: string;
}

const OPTION_LINE = /^[ \t]*(?:#|\/\/|--)\|[ \t]?(.*)$/;

/**
 * The options at the top of a cell's source, and the code below them. A
 * value is read as YAML when it is a quoted string or other scalar
 * (`"ROC curve: test set"`), else kept as written; a line without a
 * `key:` (a YAML list item, a comment) is skipped.
 */
export function cellOptions(source: string): CellOptions {
  const options: Record<string, string> = {};
  const lines = source.split('\n');
  let index = 0;
  for (; index < lines.length; index++) {
    const line = (lines[index] ?? '').replace(/\r$/, '');
    const option = OPTION_LINE.exec(line);
    if (!option) break;
    const pair = /^([A-Za-z][\w.-]*)[ \t]*:[ \t]*(.*)$/.exec(option[1] ?? '');
    if (pair?.[1] !== undefined) options[pair[1]] = optionValue(pair[2] ?? '');
  }
  return { options, body: index === 0 ? source : lines.slice(index).join('\n') };
}

/** A value as YAML reads it when it is one scalar, else the text as written. */
function optionValue(written: string): string {
  const text = written.trim();
  if (text === '') return '';
  try {
    const value: unknown = parse(text, { logLevel: 'silent' });
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      return String(value);
    }
  } catch {
    // Not YAML on its own (`a: b: c`): the text as written is the value.
  }
  return text;
}
