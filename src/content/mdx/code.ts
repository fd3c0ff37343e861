import { parse, type Node } from 'acorn';
import { componentPropSchemas } from '../../schemas/components.ts';
import type { BodyProblem } from './checks.ts';
import type { MdxCode, MdxContents } from './elements.ts';
import { walk } from './imports.ts';
import { refusedWhateverItHolds } from './safety.ts';
import { NotPlain, parseExpression, readPlain } from './static-expression.ts';

/**
 * Nothing in a body runs. MDX compiles every `{...}` and every `import` or
 * `export` line into the page's module, which the build runs, so a body's
 * code could read any file or do anything. Its code may hold values only:
 * `{...}` in the text, in attributes and in spreads, and `export const
 * name = ...`, hold strings, numbers, booleans, null, template strings
 * without `${}`, arrays and objects of those, a sign on a number, and names
 * the body imports or exports read by plain keys (`{data.rows}`). `import`
 * lines are judged by safety.ts; code it already refuses (`import()`,
 * `import.meta`) is not reported twice.
 */

const RUNS = 'is not allowed (nothing in a case study runs)';
const SEE = 'see "Nothing in the body runs" in README.md';
const EXPORT_FIX =
  'write export const name = value, with the value written out ("text", 42, [1, 2], { a: 1 })';
const UNREADABLE = `could not be read as a value (code, or an element inside { }) and ${RUNS}; write elements in the text, outside { }, and values as they are ("text", 42, [1, 2]); ${SEE}`;
const ONLY_EXPORT_CONST = `only export const name = value may be exported (nothing in a case study runs); import what you need instead (import rows from "./rows.json"); ${SEE}`;
const UNREADABLE_MODULE = `this code could not be read; only import lines and export const name = value may stand here (nothing in a case study runs); ${SEE}`;

/**
 * Names the page's module defines itself (Astro's and MDX's), which an
 * import or export would replace or clash with; `components` would turn
 * the page's Markdown into any element. Names starting with `_` are MDX's.
 */
const PAGE_NAMES = new Set([
  'components',
  'frontmatter',
  'getHeadings',
  'url',
  'file',
  'Content',
  'MDXContent',
  'props',
]);

/** Checks that every piece of code in a body holds only values. */
export function checkBodyCode(contents: Pick<MdxContents, 'code'>): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const modules = contents.code
    .filter((piece) => piece.kind === 'module')
    .map((piece) => ({ piece, program: parseModule(piece.code) }));

  // Imports are hoisted: every expression and export may use them.
  const names = new Set<string>();
  const declared = new Map<string, number>();
  const declare = (name: string, line: number, field: string) => {
    const problem = nameProblem(name, declared.get(name));
    if (problem) problems.push({ line, message: `${field}: ${problem}` });
    declared.set(name, line);
    names.add(name);
  };
  for (const { piece, program } of modules) {
    for (const statement of program?.body ?? []) {
      if (statement.type !== 'ImportDeclaration') continue;
      for (const specifier of (statement as Node & { specifiers: (Node & { local: Node })[] })
        .specifiers) {
        const name = identifierName(specifier.local);
        declare(name, lineIn(piece, specifier), `import ${name}`);
      }
    }
  }
  for (const { piece, program } of modules) {
    if (!program) {
      // Code that says `import` and cannot be read is reported by the import rule.
      if (!/\bimport\b/.test(piece.code)) {
        problems.push({ line: piece.line, message: UNREADABLE_MODULE });
      }
      continue;
    }
    for (const statement of program.body) {
      problems.push(...checkStatement(statement, piece, names, declare));
    }
  }
  for (const piece of contents.code) {
    if (piece.kind === 'module' || refusedWhateverItHolds(piece)) continue;
    const problem = checkExpression(piece, names);
    if (problem) problems.push(problem);
  }
  return problems.sort((a, b) => a.line - b.line);
}

function parseModule(code: string): (Node & { body: Node[] }) | undefined {
  try {
    return parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  } catch {
    return undefined;
  }
}

function identifierName(node: Node): string {
  return (node as Node & { name: string }).name;
}

function lineIn(piece: MdxCode, node: Node): number {
  return piece.line + (node.loc?.start.line ?? 1) - 1;
}

/** An import or export line: `import` (judged by safety.ts) or `export const name = value`. */
function checkStatement(
  statement: Node,
  piece: MdxCode,
  names: Set<string>,
  declare: (name: string, line: number, field: string) => void,
): BodyProblem[] {
  const line = lineIn(piece, statement);
  const at = (field: string, message: string): BodyProblem[] => [
    { line, message: `${field}: ${message}` },
  ];
  if (statement.type === 'ImportDeclaration') return [];
  if (statement.type === 'ExportDefaultDeclaration') {
    return at(
      'export default',
      `not allowed (the page is Casefolio's, and nothing in a case study runs); remove it; ${SEE}`,
    );
  }
  if (statement.type === 'ExportAllDeclaration') return at('export', ONLY_EXPORT_CONST);
  if (statement.type !== 'ExportNamedDeclaration') {
    return at(
      shorten(piece.code.slice(statement.start, statement.end)),
      `only import lines and export const name = value may stand here (nothing in a case study runs); remove it; ${SEE}`,
    );
  }
  const declaration = (statement as Node & { declaration: Node | null }).declaration;
  if (!declaration) return at('export', ONLY_EXPORT_CONST);
  if (declaration.type !== 'VariableDeclaration') {
    const kind = declaration.type === 'ClassDeclaration' ? 'class' : 'function';
    const name = (declaration as Node & { id: Node | null }).id;
    return at(
      `export ${kind}${name ? ` ${identifierName(name)}` : ''}`,
      `a ${kind} ${RUNS}; ${EXPORT_FIX}; ${SEE}`,
    );
  }
  const { kind, declarations } = declaration as Node & {
    kind: string;
    declarations: (Node & { id: Node; init: Node | null })[];
  };
  const problems: BodyProblem[] = [];
  for (const declarator of declarations) {
    if (declarator.id.type !== 'Identifier') {
      problems.push(
        ...at(`export ${kind}`, `a pattern ${RUNS}; ${EXPORT_FIX}, one name at a time; ${SEE}`),
      );
      continue;
    }
    const name = identifierName(declarator.id);
    const field = `export ${kind} ${name}`;
    if (kind !== 'const') {
      problems.push(...at(field, `${kind} ${RUNS}; write export const ${name} = value; ${SEE}`));
    } else if (declarator.init && !importsCode(declarator.init)) {
      // The value may use the imports and the names exported before it.
      const value = readPlain(declarator.init, names);
      if (value instanceof NotPlain) {
        problems.push({
          line: lineIn(piece, declarator),
          message: `${field}: ${notPlainMessage(value, piece.code)}`,
        });
      }
    }
    declare(name, lineIn(piece, declarator), field);
  }
  return problems;
}

/** A name an import or export may not take, and why. */
function nameProblem(name: string, declaredOn: number | undefined): string | undefined {
  if (declaredOn !== undefined) {
    return `already imported or exported on line ${declaredOn}; give it another name`;
  }
  if (name in componentPropSchemas) {
    return `the name of Casefolio's <${name}>, which needs no import; give it another name`;
  }
  if (PAGE_NAMES.has(name)) return 'a name the page itself uses; give it another name';
  if (name.startsWith('_')) {
    return "names starting with _ are MDX's own, used by the page; give it another name";
  }
  return undefined;
}

/** A `{...}` in the text, an attribute or a spread: a plain value, a name, or nothing but a comment. */
function checkExpression(piece: MdxCode, names: ReadonlySet<string>): BodyProblem | undefined {
  const field =
    piece.kind === 'attribute'
      ? `<${piece.element}> ${piece.attribute}`
      : piece.kind === 'spread'
        ? `<${piece.element}> {...}`
        : '{...}';
  // A spread's code is `...value`: the value is what is judged.
  const code = piece.kind === 'spread' ? piece.code.replace(/^\s*\.\.\./, '') : piece.code;
  const parsed = parseExpression(code);
  if ('empty' in parsed) return undefined;
  if ('unreadable' in parsed) {
    // Code that says `import` and cannot be read is reported by the import rule.
    if (/\bimport\b/.test(code)) return undefined;
    return { line: piece.line, message: `${field}: this code ${UNREADABLE}` };
  }
  if (importsCode(parsed.node)) return undefined;
  const value = readPlain(parsed.node, names);
  if (!(value instanceof NotPlain)) return undefined;
  const offset = code.slice(0, value.start).split('\n').length - 1;
  return {
    line: piece.kind === 'text' ? piece.line + offset : piece.line,
    message: `${field}: ${notPlainMessage(value, code)}`,
  };
}

function notPlainMessage(found: NotPlain, code: string): string {
  const written = shorten(code.slice(found.start, found.end));
  if (found.unboundName) {
    return `${found.what} is not a name the body imports or exports (nothing in a case study runs); ${found.fix}; ${SEE}`;
  }
  // `this`, `the key "constructor"`: the code is in the words already.
  const bare = written.replace(/^(["'])(.*)\1$/, '$2');
  const what =
    found.what === written || found.what.includes(`"${bare}"`)
      ? found.what
      : `${found.what} (${written})`;
  return `${what} ${RUNS}; ${found.fix}; ${SEE}`;
}

/** True when the code holds `import()` or `import.meta`, which the import rule refuses. */
function importsCode(node: Node): boolean {
  let found = false;
  walk(node, (inner) => {
    if (
      inner.type === 'ImportExpression' ||
      (inner.type === 'MetaProperty' &&
        (inner as Node & { meta: { name: string } }).meta.name === 'import')
    ) {
      found = true;
    }
  });
  return found;
}

/** Code on one line, cut to 40 characters. */
function shorten(code: string): string {
  const oneLine = code.replace(/\s+/g, ' ').trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
}
