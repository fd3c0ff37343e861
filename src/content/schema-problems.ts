import type { z } from 'astro/zod';
import { describeValue } from '../problems/describe-value.ts';
import { friendlyIssues } from '../problems/friendly-issues.ts';
import type { ParsedYaml } from './frontmatter.ts';
import { formatFieldPath, type ContentProblem } from '../problems/problem.ts';
import { writtenNumberProblem } from '../metrics/numbers.ts';

/**
 * The problems of a YAML document (frontmatter or profile.yaml) against a
 * schema, each with the line of its field in the file; `valid` is the parsed
 * value when there are none.
 */
export function schemaProblems<S extends z.ZodType>(
  schema: S,
  yaml: ParsedYaml,
  file: string,
): { problems: ContentProblem[]; valid?: z.output<S> } {
  if (typeof yaml.data !== 'object' || yaml.data === null || Array.isArray(yaml.data)) {
    return {
      problems: [
        fieldProblem(file, yaml, [], 'expected fields as key: value pairs, got something else'),
      ],
    };
  }
  // A number written with more digits than it holds is reported as written,
  // in place of what the schema says of the value it was read as.
  const numbers = (yaml.numbers?.() ?? []).flatMap(({ path, text, value }) => {
    const message = writtenNumberProblem(text, value);
    return message === undefined ? [] : [{ path, message }];
  });
  const numberFields = new Set(numbers.map(({ path }) => formatFieldPath(path)));
  const numberProblems = numbers.map(({ path, message }) =>
    fieldProblem(file, yaml, path, message),
  );
  const result = schema.safeParse(yaml.data, { reportInput: true });
  if (result.success) {
    return numberProblems.length > 0
      ? { problems: numberProblems }
      : { problems: [], valid: result.data };
  }
  const problems = friendlyIssues(result.error.issues, schema)
    .filter((issue) => !numberFields.has(issue.field))
    .map((issue) => fieldProblem(file, yaml, issue.path, issue.message));
  return { problems: [...numberProblems, ...problems] };
}

/**
 * A problem with the field at `path`: its line, and for a metric's field the
 * metric's name, so `metrics[4]` can be found without counting.
 */
export function fieldProblem(
  file: string,
  yaml: ParsedYaml,
  path: readonly PropertyKey[],
  message: string,
): ContentProblem {
  const field = formatFieldPath(path);
  const line = yaml.lineOf(path);
  return {
    file,
    ...(line === undefined ? {} : { line }),
    ...(field ? { field } : {}),
    message: `${message}${metricNote(path, yaml.data)}`,
  };
}

/**
 * ` (metric "Recall")` for a problem inside `metrics[i]`, or nothing: when
 * the metric has no usable name, or the problem is about the name itself
 * (its message already shows it, or there is none to show).
 */
export function metricNote(path: readonly PropertyKey[], data: unknown): string {
  const [list, index, field] = path;
  if (list !== 'metrics' || typeof index !== 'number' || field === undefined || field === 'name')
    return '';
  const metrics = (data as { metrics?: unknown } | null)?.metrics;
  const metric: unknown = Array.isArray(metrics) ? metrics[index] : undefined;
  const name = (metric as { name?: unknown } | null | undefined)?.name;
  return typeof name === 'string' && name.trim() !== ''
    ? ` (metric ${describeValue(name.trim())})`
    : '';
}
