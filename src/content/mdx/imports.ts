import { parse, type Node } from 'acorn';

/**
 * A module an MDX body's code names: an `import` or `export ... from` line,
 * an `import()` call, or `import.meta` (Vite's `import.meta.glob` reads any
 * file of the project).
 */
export interface MdxImport {
  /**
   * `import` for a static import or `export ... from` line, `import()` for a
   * call, `import.meta` for the meta property, `unreadable` for code the check
   * could not read although it mentions `import`.
   */
  kind: 'import' | 'import()' | 'import.meta' | 'unreadable';
  /** The module as written; undefined when it is computed or there is none. */
  source?: string;
  /** 1-based line in the MDX file. */
  line: number;
}

/**
 * Finds the modules a piece of an MDX body's code names, without running it:
 * an ESM block (`module`: `import` and `export` lines) or an expression
 * (`{...}` in the text or an attribute). `line` is the file line the code
 * starts on. Code that never says `import` names nothing and is not parsed.
 */
export function findImports(
  code: string,
  line: number,
  kind: 'module' | 'expression',
): MdxImport[] {
  if (!/\bimport\b/.test(code)) return [];
  const program = parseCode(code, kind);
  if (!program) return [{ kind: 'unreadable', line }];
  const found: MdxImport[] = [];
  const at = (node: Node) => line + (node.loc?.start.line ?? 1) - 1;
  walk(program, (node) => {
    const source = (node as Node & { source?: Node | null }).source;
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration':
        if (source) found.push({ kind: 'import', ...literal(source), line: at(node) });
        break;
      case 'ImportExpression':
        if (source) found.push({ kind: 'import()', ...literal(source), line: at(node) });
        break;
      case 'MetaProperty':
        if ((node as Node & { meta: { name: string } }).meta.name === 'import') {
          found.push({ kind: 'import.meta', line: at(node) });
        }
        break;
    }
  });
  return found;
}

/** A module name written as a string (or a template without `${}`), or nothing when it is computed. */
function literal(node: Node): { source?: string } {
  if (node.type === 'Literal') {
    const value = (node as Node & { value: unknown }).value;
    return typeof value === 'string' ? { source: value } : {};
  }
  if (node.type === 'TemplateLiteral') {
    const { expressions, quasis } = node as Node & {
      expressions: Node[];
      quasis: { value: { cooked: string | null } }[];
    };
    if (expressions.length === 0) return { source: quasis.map((q) => q.value.cooked).join('') };
  }
  return {};
}

function parseCode(code: string, kind: 'module' | 'expression'): Node | undefined {
  // A spread attribute's code is `...props`, which only reads inside an object.
  const attempts = kind === 'module' ? [code] : [code, `({${code}\n})`];
  for (const attempt of attempts) {
    try {
      return parse(attempt, {
        ecmaVersion: 'latest',
        sourceType: 'module',
        locations: true,
        allowAwaitOutsideFunction: true,
        allowReturnOutsideFunction: true,
      });
    } catch {
      // Try the next reading; code that reads no way is reported as unreadable.
    }
  }
  return undefined;
}

/** Visits every node of an ESTree tree. */
export function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const value of Object.values(node)) {
    const children: unknown[] = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (isNode(child)) walk(child, visit);
    }
  }
}

function isNode(value: unknown): value is Node {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}
