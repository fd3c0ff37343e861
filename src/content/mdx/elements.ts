import { mdxToMdast } from 'satteri';
import { formulaOf, isMathNode, type Formula } from '../../math/formulas.ts';
import { mathFeatures } from '../../math/markdown.ts';
import { findImports, type MdxImport } from './imports.ts';
import { DYNAMIC, evaluateStatic, type StaticValue } from './static-expression.ts';

/** A JSX element written in an MDX body, with its props as far as they are known. */
export interface MdxElement {
  name: string;
  /** 1-based line in the MDX file. */
  line: number;
  /** Props by name; DYNAMIC where the value is code, `true` for a bare attribute. */
  props: Record<string, StaticValue>;
  /** `{...spread}` attributes make the prop set unknowable. */
  hasSpread: boolean;
  /** A `<style>` element's text, DYNAMIC where part of it is code (for the `@import` rule). */
  css?: string | typeof DYNAMIC;
}

/** A Markdown heading, image or link in the body, with its line. */
interface MdxHeading {
  depth: number;
  text: string;
  line: number;
}

interface MdxImage {
  url: string;
  alt: string;
  line: number;
}

interface MdxLink {
  url: string;
  line: number;
}

/** A reference definition (`[label]: url`), which links and images written `[text][label]` use. */
interface MdxDefinition extends MdxLink {
  label: string;
}

/**
 * A piece of code in the body, for the rule that it holds only values
 * (code.ts): an `import`/`export` block (`module`), a `{...}` in the text,
 * a prop written `{...}` (`attribute`) or a `{...spread}` of an element.
 */
export interface MdxCode {
  kind: 'module' | 'text' | 'attribute' | 'spread';
  code: string;
  /** 1-based line in the MDX file (of the element, for attributes and spreads). */
  line: number;
  /** The element an attribute or spread is written on (or a `{...}` in the text is inside), and the attribute's name. */
  element?: string;
  attribute?: string;
}

/** What the body contains, for the build's checks and the authoring lints. */
export interface MdxContents {
  elements: MdxElement[];
  headings: MdxHeading[];
  images: MdxImage[];
  links: MdxLink[];
  definitions: MdxDefinition[];
  /** Every module the body's code names: `import` and `export ... from` lines, `import()`, `import.meta`. */
  imports: MdxImport[];
  /** Every piece of code: import and export blocks, expressions, props and spreads written as code. */
  code: MdxCode[];
  /** The words a reader sees, block by block, for the search index. */
  text: string[];
  /** Every formula, dollar amounts in prose left out (math/dollars.ts). */
  math: Formula[];
}

export type MdxScan = ({ ok: true } & MdxContents) | { ok: false; line: number; message: string };

interface MdastNode {
  type: string;
  name?: string | null;
  value?: string;
  depth?: number;
  url?: string;
  alt?: string | null;
  label?: string | null;
  identifier?: string;
  attributes?: {
    type: string;
    name?: string;
    value?: string | null | { type: string; value: string };
  }[];
  lang?: string | null;
  position?: { start: { line: number; offset?: number }; end?: { offset?: number } };
  children?: MdastNode[];
}

/**
 * Parses an MDX body with the same parser Astro compiles it with (satteri),
 * so a syntax error here is the one the build would hit, and lists every
 * component use. Elements in code blocks and inline code are text, not
 * elements, so examples in tutorials are not mistaken for uses.
 */
export function scanMdx(body: string, firstLine: number): MdxScan {
  // The parser crashes the process on code nested thousands deep, and the
  // walks below would overflow the stack on a tree that deep: refuse first.
  const deepLine = tooDeepBrackets(body);
  if (deepLine !== undefined) return tooDeep(firstLine + deepLine - 1);
  let tree: MdastNode;
  try {
    // With the build's math features: inside `$…$` a `{` is TeX, not code.
    tree = mdxToMdast(body, { position: true, features: mathFeatures }) as unknown as MdastNode;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /^(\d+):(\d+):\s*/.exec(message);
    return {
      ok: false,
      line: at ? firstLine + Number(at[1]) - 1 : firstLine,
      message: (at ? message.slice(at[0].length) : message)
        .replace(/\s*\(mdx[^)]*\)\s*$/, '')
        // Positions inside the message count from the body, not the file: drop them.
        .replace(/\s*\(\d+:\d+(-\d+:\d+)?\)/g, '')
        .replace(/^Could not parse expression with \w+: /, 'could not read the expression: '),
    };
  }
  const deepNode = tooDeepNode(tree);
  if (deepNode) return tooDeep(firstLine + (deepNode.position?.start.line ?? 1) - 1);
  const contents: MdxContents = {
    elements: [],
    headings: [],
    images: [],
    links: [],
    definitions: [],
    imports: [],
    code: [],
    text: [],
    math: [],
  };
  const lineOf = (node: MdastNode) => firstLine + (node.position?.start.line ?? 1) - 1;
  // Each element's props are read once (expressions are parsed), for the checks and the text.
  const elementOf = new Map<MdastNode, MdxElement>();
  // The element a `{...}` in the text is written in, for the code rule.
  let inside: string | undefined;
  const visit = (node: MdastNode) => {
    const outside = inside;
    if (isElement(node)) {
      const element = toElement(node, firstLine, contents);
      elementOf.set(node, element);
      contents.elements.push(element);
      inside = element.name;
    } else if (node.type === 'heading') {
      contents.headings.push({
        depth: node.depth ?? 1,
        text: textOf(node).trim(),
        line: lineOf(node),
      });
    } else if (node.type === 'image') {
      contents.images.push({ url: node.url ?? '', alt: node.alt ?? '', line: lineOf(node) });
    } else if (node.type === 'link') {
      contents.links.push({ url: node.url ?? '', line: lineOf(node) });
    } else if (node.type === 'definition') {
      contents.definitions.push({
        url: node.url ?? '',
        label: node.label ?? node.identifier ?? '',
        line: lineOf(node),
      });
    } else if (isMathNode(node)) {
      const formula = formulaOf(node, body, firstLine);
      if (formula) contents.math.push(formula);
      // A dollar amount is text, as on the page, and the search index reads it.
      else Object.assign(node, { type: 'text', value: writtenOf(node, body) });
    } else if (node.type === 'mdxjsEsm') {
      contents.imports.push(...findImports(node.value ?? '', lineOf(node), 'module'));
      contents.code.push({ kind: 'module', code: node.value ?? '', line: lineOf(node) });
    } else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      contents.imports.push(...findImports(node.value ?? '', lineOf(node), 'expression'));
      contents.code.push({
        kind: 'text',
        code: node.value ?? '',
        line: lineOf(node),
        ...(inside !== undefined ? { element: inside } : {}),
      });
    }
    node.children?.forEach(visit);
    inside = outside;
  };
  visit(tree);
  collectText(tree, contents.text, elementOf);
  return { ok: true, ...contents };
}

/** A node as written in the body. */
function writtenOf(node: MdastNode, body: string): string {
  return body.slice(node.position?.start.offset ?? 0, node.position?.end?.offset ?? 0);
}

/** How deep a body may nest (quotes, lists, elements, brackets): far beyond any case study. */
const MAX_NESTING = 200;

function tooDeep(line: number): MdxScan {
  return {
    ok: false,
    line,
    message: `nested more than ${MAX_NESTING} levels deep (quotes, lists, elements or brackets), which Casefolio does not read; flatten it, or put deep data in a file beside the case study`,
  };
}

/** The 1-based body line where `(`, `[` and `{` first nest past the limit, if they do. */
function tooDeepBrackets(body: string): number | undefined {
  let depth = 0;
  let line = 1;
  for (const char of body) {
    if (char === '\n') line++;
    else if (char === '(' || char === '[' || char === '{') {
      if (++depth > MAX_NESTING) return line;
    } else if (char === ')' || char === ']' || char === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** The first node nested past the limit, found without recursion. */
function tooDeepNode(tree: MdastNode): MdastNode | undefined {
  const stack: [MdastNode, number][] = [[tree, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (depth > MAX_NESTING) return node;
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
  return undefined;
}

/** Node types whose words are read inline, as one block of text. */
const TEXT_BLOCKS = new Set(['heading', 'paragraph', 'tableCell']);

/**
 * Props whose words show on the page: a chart's or figure's title and
 * caption, alt text, a confusion matrix's class names, a metric's name.
 * Data (rows, matrices, numbers) is left out, as on the built page.
 */
const WORDY_PROPS = ['title', 'caption', 'alt', 'label', 'labels', 'name'];

function isElement(node: MdastNode): boolean {
  return (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && !!node.name;
}

type ElementOf = ReadonlyMap<MdastNode, MdxElement>;

function wordyProps(node: MdastNode, elementOf: ElementOf): string[] {
  const props = elementOf.get(node)?.props ?? {};
  return WORDY_PROPS.flatMap((name) => {
    const value = props[name];
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.filter((item) => typeof item === 'string');
    return [];
  });
}

/** A block's words in reading order; JSX expressions (code) are left out. */
function inlineText(node: MdastNode, elementOf: ElementOf): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'image') return node.alt ?? '';
  if (node.type === 'break') return ' ';
  if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') return '';
  const inner = (node.children ?? []).map((child) => inlineText(child, elementOf)).join('');
  return isElement(node)
    ? [...wordyProps(node, elementOf), inner].filter(Boolean).join(' ')
    : inner;
}

function collectText(node: MdastNode, out: string[], elementOf: ElementOf): void {
  if (node.type === 'code') {
    if (node.value) out.push(node.value);
    return;
  }
  if (TEXT_BLOCKS.has(node.type)) {
    const text = inlineText(node, elementOf).trim();
    if (text) out.push(text);
    return;
  }
  if (node.type === 'mdxFlowExpression' || node.type === 'html') return;
  if (isElement(node)) out.push(...wordyProps(node, elementOf));
  node.children?.forEach((child) => collectText(child, out, elementOf));
}

/** The plain text inside a node (a heading's words, without emphasis marks). */
function textOf(node: MdastNode): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

/** A `<style>` element's text: its text and static expressions, DYNAMIC if any is code. */
function styleText(node: MdastNode): string | typeof DYNAMIC {
  let text = '';
  for (const child of node.children ?? []) {
    if (child.type === 'mdxFlowExpression' || child.type === 'mdxTextExpression') {
      const value = evaluateStatic(child.value ?? '');
      if (typeof value !== 'string') return DYNAMIC;
      text += value;
    } else if (isElement(child)) {
      return DYNAMIC;
    } else {
      const inner = child.children ? styleText(child) : (child.value ?? '');
      if (inner === DYNAMIC) return DYNAMIC;
      text += inner;
    }
  }
  return text;
}

function toElement(
  node: MdastNode,
  firstLine: number,
  contents: Pick<MdxContents, 'imports' | 'code'>,
): MdxElement {
  const props: Record<string, StaticValue> = {};
  const line = firstLine + (node.position?.start.line ?? 1) - 1;
  const name = node.name ?? '';
  let hasSpread = false;
  for (const attribute of node.attributes ?? []) {
    const value = attribute.value;
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
      hasSpread = true;
      if (typeof value === 'string') {
        contents.imports.push(...findImports(value, line, 'expression'));
        contents.code.push({ kind: 'spread', code: value, line, element: name });
      }
      continue;
    }
    if (value === null || value === undefined) props[attribute.name] = true;
    else if (typeof value === 'string') props[attribute.name] = value;
    else if (value.type === 'mdxJsxAttributeValueExpression') {
      props[attribute.name] = evaluateStatic(value.value);
      contents.imports.push(...findImports(value.value, line, 'expression'));
      contents.code.push({
        kind: 'attribute',
        code: value.value,
        line,
        element: name,
        attribute: attribute.name,
      });
    } else props[attribute.name] = DYNAMIC;
  }
  return {
    name,
    line,
    props,
    hasSpread,
    ...(name.toLowerCase() === 'style' ? { css: styleText(node) } : {}),
  };
}
