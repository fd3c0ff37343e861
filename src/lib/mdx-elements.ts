import { mdxToMdast } from 'satteri';
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
}

export type MdxScan =
  { ok: true; elements: MdxElement[] } | { ok: false; line: number; message: string };

interface MdastNode {
  type: string;
  name?: string | null;
  attributes?: {
    type: string;
    name?: string;
    value?: string | null | { type: string; value: string };
  }[];
  position?: { start: { line: number } };
  children?: MdastNode[];
}

/**
 * Parses an MDX body with the same parser Astro compiles it with (satteri),
 * so a syntax error here is the one the build would hit, and lists every
 * component use. Elements in code blocks and inline code are text, not
 * elements, so examples in tutorials are not mistaken for uses.
 */
export function scanMdx(body: string, firstLine: number): MdxScan {
  let tree: MdastNode;
  try {
    tree = mdxToMdast(body, { position: true }) as unknown as MdastNode;
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
  const elements: MdxElement[] = [];
  const visit = (node: MdastNode) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      elements.push(toElement(node, firstLine));
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return { ok: true, elements };
}

function toElement(node: MdastNode, firstLine: number): MdxElement {
  const props: Record<string, StaticValue> = {};
  let hasSpread = false;
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
      hasSpread = true;
      continue;
    }
    const value = attribute.value;
    if (value === null || value === undefined) props[attribute.name] = true;
    else if (typeof value === 'string') props[attribute.name] = value;
    else
      props[attribute.name] =
        value.type === 'mdxJsxAttributeValueExpression' ? evaluateStatic(value.value) : DYNAMIC;
  }
  return {
    name: node.name ?? '',
    line: firstLine + (node.position?.start.line ?? 1) - 1,
    props,
    hasSpread,
  };
}
