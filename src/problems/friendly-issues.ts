import type { z } from 'astro/zod';
import { describeValue, escapeUnprintable } from './describe-value.ts';
import { didYouMean } from './did-you-mean.ts';
import { formatFieldPath } from './problem.ts';

type Issue = z.core.$ZodIssue;

/** One schema issue, turned into a field path and a message an intern can act on. */
export interface FriendlyIssue {
  /** The field in the contract's notation: `metrics[1].value`. */
  field: string;
  /** The same field as path segments, to find its line in the source. */
  path: PropertyKey[];
  message: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields (key: value)',
  date: 'a date',
  record: 'a set of fields (key: value)',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

/**
 * Turns zod issues into contract-style lines: one per problem, with the field
 * path, what was expected, what was found, and a "did you mean" for near
 * misses. `schema` is walked to list the fields an object allows. Zod must be
 * called with `reportInput: true` so "got ..." can quote the input.
 */
export function friendlyIssues(issues: readonly Issue[], schema: z.ZodType): FriendlyIssue[] {
  return withoutSizeOfMistyped(issues).flatMap((issue) => explain(issue, schema));
}

/** The issues, less the size checks zod ran on a value of the wrong kind. */
function withoutSizeOfMistyped(issues: readonly Issue[]): Issue[] {
  // Zod 4 still runs a list's size checks on a value it did not take for a
  // list: `limitations: "Trained on..."` would also read "expected at most 12
  // characters", the list's 12 items applied to the text. The wrong kind of
  // value is the one problem at that field.
  const mistyped = new Set(
    issues.filter((issue) => issue.code === 'invalid_type').map((issue) => pathKey(issue.path)),
  );
  return issues.filter(
    (issue) =>
      !(
        (issue.code === 'too_big' || issue.code === 'too_small') &&
        mistyped.has(pathKey(issue.path))
      ),
  );
}

function pathKey(path: readonly PropertyKey[]): string {
  return JSON.stringify(path.map(String));
}

function explain(issue: Issue, schema: z.ZodType): FriendlyIssue[] {
  return describeIssue(issue, schema).map(({ field, message }) => ({
    field: formatFieldPath(field),
    path: field,
    message,
  }));
}

/**
 * The value naming the same language as a tag with a region or script
 * (`de-DE` -> `de`, `pt_BR` -> `pt`, `zh-CN` -> `zh-Hans`), when the values
 * are language tags: the nearest spelling is no help there.
 */
function sameLanguage(input: string, values: readonly string[]): string | undefined {
  const language = /^([a-z]{2,3})(?:[-_]|$)/i.exec(input.trim())?.[1]?.toLowerCase();
  if (!language) return undefined;
  return values.find((value) => value.split('-')[0]?.toLowerCase() === language && value !== input);
}

/** What went wrong at which path; `field` is still in segments here. */
function describeIssue(
  issue: Issue,
  schema: z.ZodType,
): { field: PropertyKey[]; message: string }[] {
  const field = issue.path;
  const got = describeValue(issue.input);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeName(issue.expected);
      if (issue.input === undefined) {
        return [{ field, message: `required field is missing (expected ${expected})` }];
      }
      // Text where an object goes (`risks: [- Some risk]`): the fields to write it with.
      const fields = issue.expected === 'object' ? objectKeysAt(schema, issue.path) : [];
      const hint = fields.length > 0 ? ` (fields: ${fields.join(', ')})` : '';
      return [{ field, message: `expected ${expected}, got ${got}${hint}` }];
    }
    case 'unrecognized_keys': {
      const allowed = objectKeysAt(schema, issue.path);
      return issue.keys.map((key) => {
        const suggestion = didYouMean(key, allowed);
        const hint = suggestion
          ? ` (did you mean "${suggestion}"?)`
          : allowed.length > 0
            ? ` (allowed: ${allowed.join(', ')})`
            : '';
        const cut = suggestion ? undefined : commaCut(issue.input, key);
        return { field: [...issue.path, key], message: `unknown field${hint}${cut ?? ''}` };
      });
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v));
      const words = issue.values.filter((v): v is string => typeof v === 'string');
      const suggestion =
        typeof issue.input === 'string'
          ? (sameLanguage(issue.input, words) ?? didYouMean(issue.input, words))
          : undefined;
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
      return [{ field, message: `expected one of ${options.join(' | ')}, got ${got}${hint}` }];
    }
    case 'too_small':
      return [
        { field, message: sizeMessage(issue.origin, 'at least', issue.minimum, issue.input) },
      ];
    case 'too_big':
      return [{ field, message: sizeMessage(issue.origin, 'at most', issue.maximum, issue.input) }];
    case 'invalid_format': {
      const what = issue.format === 'email' ? 'an email address' : `a valid ${issue.format}`;
      return [{ field, message: `expected ${what}, got ${got}` }];
    }
    case 'invalid_union': {
      // A discriminated union whose key matched no branch (zod reports no
      // branch's errors then): the schema's own words, or the values it takes.
      if (issue.errors.length === 0 && 'options' in issue && Array.isArray(issue.options)) {
        const options = issue.options.map((option) => JSON.stringify(option)).join(' | ');
        return [
          {
            field,
            message:
              issue.message && issue.message !== 'Invalid input'
                ? issue.message
                : `expected ${options}`,
          },
        ];
      }
      // A value of the kind one branch takes (an object where text or an
      // object is allowed) is wrong inside: that branch's problems name the
      // field to fix (`metrics[1].goal`), where "expected text" would not.
      const ofItsKind = issue.errors.filter(
        (branch) => !branch.some((sub) => sub.code === 'invalid_type' && sub.path.length === 0),
      );
      const [branch] = ofItsKind;
      if (ofItsKind.length === 1 && branch !== undefined) {
        const rebased = branch.map((sub) => ({ ...sub, path: [...field, ...sub.path] }) as Issue);
        return withoutSizeOfMistyped(rebased).flatMap((sub) => describeIssue(sub, schema));
      }
      const expected = new Set<string>();
      for (const branch of issue.errors) {
        const first = branch[0];
        if (first?.code === 'invalid_type') expected.add(typeName(first.expected));
      }
      const list = expected.size > 0 ? [...expected].join(' | ') : 'a different value';
      return [{ field, message: `expected ${list}, got ${got}` }];
    }
    case 'not_multiple_of':
      return [{ field, message: `expected a multiple of ${String(issue.divisor)}, got ${got}` }];
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
    default:
      return [{ field, message: issue.message }];
  }
}

/**
 * The fix for the rest of a value a comma cut short: in YAML's `{ ... }`,
 * `mitigation: Threshold per region, reviewed monthly` is the field
 * `mitigation` and a field `reviewed monthly` without a value. When the
 * unknown key has no value and the key before it holds text, the two were
 * most likely one value; undefined otherwise.
 */
function commaCut(input: unknown, key: string): string | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const record = input as Record<string, unknown>;
  if (record[key] !== null) return undefined;
  const keys = Object.keys(record);
  const before = keys[keys.indexOf(key) - 1];
  if (before === undefined) return undefined;
  const text = record[before];
  if (typeof text !== 'string') return undefined;
  return `; a comma inside { } ends a value, so quote it: ${escapeUnprintable(before)}: ${describeValue(`${text}, ${key}`)}`;
}

function sizeMessage(
  origin: string,
  bound: 'at least' | 'at most',
  limit: number | bigint | Date,
  input: unknown,
): string {
  const n = Number(limit);
  switch (origin) {
    case 'string': {
      if (bound === 'at least' && n === 1) return 'must not be empty';
      const length = typeof input === 'string' ? input.trim().length : 0;
      return `expected ${bound} ${n} characters, got ${length}`;
    }
    case 'array':
    case 'set': {
      const count = Array.isArray(input) ? input.length : 0;
      return `expected ${bound} ${n} ${n === 1 ? 'item' : 'items'}, got ${count}`;
    }
    default: {
      const sign = bound === 'at least' ? '>=' : '<=';
      return `expected a number ${sign} ${n}, got ${describeValue(input)}`;
    }
  }
}

/** Zod 4 keeps each schema's definition in `_zod.def`; these are the wrapper kinds to look through. */
interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** Looks through optional, default, pipe and similar wrappers to the schema that does the work. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let depth = 0; depth < 20; depth++) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) return current;
    current = inner;
  }
  return current;
}

/**
 * The option of a union that is of `kind` (`metrics[1]`, text or an object,
 * holds fields as its object); the schema itself when it is no union.
 */
function optionOf(schema: z.ZodType, kind: 'object' | 'array'): z.ZodType {
  const def = defOf(schema);
  if (def.type !== 'union') return schema;
  const option = def.options?.map(unwrap).find((candidate) => defOf(candidate).type === kind);
  return option ?? schema;
}

/** The field names an object schema allows at `path`, in declaration order. */
export function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (!current) return [];
    const def = defOf(optionOf(current, typeof segment === 'number' ? 'array' : 'object'));
    if (typeof segment === 'number') current = def.element;
    else if (def.type === 'object') current = def.shape?.[String(segment)];
    else if (def.type === 'record') current = def.valueType;
    else return [];
    current = current ? unwrap(current) : undefined;
  }
  if (!current) return [];
  const def = defOf(optionOf(current, 'object'));
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
