import { builtinModules } from 'node:module';
import { checkLocalFile } from '../../files/paths.ts';
import { describeValue } from '../../problems/describe-value.ts';
import { REFUSED_ELEMENTS, URL_ATTRIBUTES, URL_LISTS } from '../../schemas/body-html.ts';
import { decodeEntities, URL_FIX, URL_NOT_ALLOWED, urlProblem } from '../../schemas/url.ts';
import type { BodyProblem } from './checks.ts';
import type { MdxCode, MdxContents, MdxElement } from './elements.ts';
import type { MdxImport } from './imports.ts';
import { DYNAMIC, type StaticValue } from './static-expression.ts';

/**
 * The link rules of the frontmatter, held in the MDX body too, and what the
 * body may not contain at all: every URL a link, image, reference definition
 * or HTML attribute carries (decoded and trimmed as a browser would) is
 * https, http, mailto or relative; elements that run code, load other sites,
 * send input elsewhere or rewrite the page's links are refused, as are event
 * handlers; code may import packages and files inside content/ only.
 * Casefolio's own components are checked by checks.ts.
 */

interface SafetyContext {
  /** Absolute path of the MDX file, to resolve imports of files. */
  mdxFile: string;
  contentDir: string;
}

/** SVG animation elements set another attribute's value from `to`, `from` and `values`. */
const ANIMATIONS = new Set(['animate', 'set']);

/** Checks everything in a body but Casefolio's components. */
export function checkBodySafety(contents: MdxContents, context: SafetyContext): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const url = (line: number, field: string, written: string) => {
    const problem = urlProblem(written);
    if (problem) problems.push({ line, message: `${field}: ${problem}` });
  };
  for (const link of contents.links) url(link.line, 'link', link.url);
  for (const image of contents.images) url(image.line, 'image', image.url);
  for (const definition of contents.definitions) {
    url(definition.line, `[${shortLabel(definition.label)}]`, definition.url);
  }
  for (const element of contents.elements) {
    if (isHtmlElement(element.name)) problems.push(...checkHtmlElement(element));
  }
  for (const found of contents.imports) {
    const message = importProblem(found, context);
    if (message) problems.push({ line: found.line, message });
  }
  return problems;
}

/** Lower-case names are HTML (and SVG) elements; `a.b` is a component read from an object. */
export function isHtmlElement(name: string): boolean {
  return /^[a-z]/.test(name) && !name.includes('.');
}

/** `svg:script` is an unknown element to a browser; its local name is judged all the same. */
function localName(name: string): string {
  return (name.split(':').pop() ?? name).toLowerCase();
}

/** An attribute's name in lower case without `-`, `_` or `:`, as URL_ATTRIBUTES holds it. */
function attributeKey(attribute: string): string {
  return attribute.toLowerCase().replace(/[-_:]/g, '');
}

/**
 * True when these rules refuse a piece of code whatever it holds, so the
 * code rule (code.ts) need not say more: code in a refused element, a
 * spread on an HTML element, an event handler, a URL attribute written as
 * code (unless its value is plain text, which is checked as a URL) and the
 * text of a `<style>`.
 */
export function refusedWhateverItHolds(piece: MdxCode): boolean {
  if (piece.element === undefined || !isHtmlElement(piece.element)) return false;
  const local = localName(piece.element);
  if (REFUSED_ELEMENTS[local]) return true;
  switch (piece.kind) {
    case 'spread':
      return true;
    case 'text':
      return local === 'style';
    case 'attribute': {
      const key = attributeKey(piece.attribute ?? '');
      return key.startsWith('on') || URL_ATTRIBUTES.has(key);
    }
    default:
      return false;
  }
}

function checkHtmlElement(element: MdxElement): BodyProblem[] {
  const { name, line } = element;
  const local = localName(name);
  const at = (message: string): BodyProblem => ({ line, message: `<${name}> ${message}` });
  const refused = REFUSED_ELEMENTS[local];
  if (refused) return [{ line, message: `<${name}>: not allowed in a case study (${refused})` }];
  const problems: BodyProblem[] = [];
  if (local === 'style') {
    if (element.css === DYNAMIC) {
      problems.push({
        line,
        message: `<${name}>: its text is written as code, so it cannot be checked; write the CSS as text`,
      });
    } else if (element.css !== undefined && /@import/i.test(plainCss(element.css))) {
      problems.push({
        line,
        message: `<${name}>: @import is not allowed (it loads a stylesheet from elsewhere into the page); write the rules themselves`,
      });
    }
  }
  if (element.hasSpread) {
    problems.push(
      at(
        '{...}: attributes spread from code cannot be checked; write each attribute as name="value"',
      ),
    );
  }
  const animated = ANIMATIONS.has(local) && isUrlAttribute(element.props['attributeName']);
  for (const [attribute, value] of Object.entries(element.props)) {
    const key = attributeKey(attribute);
    if (key.startsWith('on')) {
      problems.push(
        at(
          `${attribute}: event handlers are not allowed (nothing in a case study runs); remove the attribute`,
        ),
      );
    } else if (URL_ATTRIBUTES.has(key) || (animated && ['to', 'from', 'values'].includes(key))) {
      const problem = attributeUrlProblem(value, URL_LISTS.has(key) || key === 'values');
      if (problem) problems.push(at(`${attribute}: ${problem}`));
    }
  }
  return problems;
}

function isUrlAttribute(value: StaticValue): boolean {
  return typeof value !== 'string' || URL_ATTRIBUTES.has(value.toLowerCase().replace(/[-_:]/g, ''));
}

function attributeUrlProblem(value: StaticValue, isList: boolean): string | undefined {
  if (value === DYNAMIC) {
    return 'written as code, so it cannot be checked; write the address as text (href="https://...")';
  }
  if (typeof value !== 'string') {
    return value !== null && typeof value === 'object'
      ? `expected an address as text, got ${describeValue(value)}`
      : undefined;
  }
  if (!isList) return urlProblem(value);
  // A list (`a.png 1x, b.png 2x`, `data:...;base64,x 2x`): every part with a scheme is judged.
  for (const part of decodeEntities(value).split(/[\s,;]+/)) {
    if (urlProblem(part)) return `${URL_NOT_ALLOWED}, got ${describeValue(value)}; ${URL_FIX}`;
  }
  return undefined;
}

/** CSS as a browser reads it: comments dropped and escapes (`@\69mport`) decoded. */
function plainCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, '')
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => {
      const code = parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    })
    .replace(/\\(.)/g, '$1');
}

function shortLabel(label: string): string {
  const oneLine = label.replace(/\s+/g, ' ').trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
}

/** Node's own modules, `fs` and `node:fs` alike: they reach the machine, not the content. */
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** An npm package name (`chart.js`, `@scope/name`), then any subpath without `.` or `..` parts. */
const PACKAGE =
  /^(?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*(?:\/(?!\.\.?(?:\/|$))[^/\\]+)*\/?$/i;

const IMPORT_FIX =
  'only packages and files inside content/ (written "./file.json") can be imported; Casefolio\'s components need no import';

function importProblem(found: MdxImport, context: SafetyContext): string | undefined {
  switch (found.kind) {
    case 'unreadable':
      return 'import: the check could not read this code to see what it imports; keep import and export lines to plain JavaScript';
    case 'import.meta':
      return 'import.meta: reads the build and the files of the project, which a case study may not; remove it';
    case 'import()':
    case 'import': {
      const field = found.kind === 'import' ? 'import' : 'import()';
      if (found.source === undefined) {
        return `${field}: the module is computed, so it cannot be checked; name a package or a file inside content/ as text`;
      }
      const problem = moduleProblem(found.source, context);
      return problem ? `${field} ${describeValue(found.source)}: ${problem}` : undefined;
    }
  }
}

function moduleProblem(source: string, context: SafetyContext): string | undefined {
  if (source.startsWith('./') || source.startsWith('../')) {
    // `./data.csv?raw`: the file is what is checked.
    return checkLocalFile(source.replace(/[?#].*$/, ''), context.mdxFile, context.contentDir);
  }
  if (BUILTINS.has(source.split('/')[0] ?? '') || BUILTINS.has(source)) {
    return "Node's built-in modules are not allowed (they reach the machine, not the content); remove the import";
  }
  // Schemes (`node:`, `virtual:`, `data:`), absolute paths, `#` imports and aliases are refused.
  if (!PACKAGE.test(source)) return IMPORT_FIX;
  return undefined;
}
