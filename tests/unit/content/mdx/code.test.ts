import { describe, expect, it } from 'vitest';
import { codeProblems } from '../../../../src/content/mdx/code.ts';
import { scanMdx } from '../../../../src/content/mdx/elements.ts';

/** The code problems of a body, as `line: message`. */
function problems(body: string): string[] {
  const scan = scanMdx(body, 1);
  if (!scan.ok) throw new Error(scan.message);
  return codeProblems(scan).map(({ line, message }) => `${line}: ${message}`);
}

describe('codeProblems', () => {
  it('accepts values in braces, comments, and code shown in code blocks', () => {
    const body = [
      'A {1} B {"text"} C {[1, 2]} D {null} E {/* a note */}',
      '{\n  // a comment\n}',
      '<Chart src="./a.csv" y={["loss", "val_loss"]} data={[{ a: 1 }]} title="T" />',
      '```mdx\n<Chart src={file} /> {foo}\n```',
      'Inline `{foo}` code.',
    ].join('\n\n');
    expect(problems(body)).toEqual([]);
  });

  it('refuses an expression that is code, a prop written as code and a spread, on any element', () => {
    const body = [
      'The model reached {results.auc}.',
      '<Chart src={file} {...props} title="T" />',
      '<span title={`${x}`}>t</span>',
    ].join('\n\n');
    expect(problems(body)).toEqual([
      `1: {results.auc} is code, which would run during the build; Casefolio runs no code from content, so write the text or value itself (a metric's value is <Metric name="..." />)`,
      '3: <Chart>: {...} passes props as code, which Casefolio cannot check before the build; write each prop itself',
      '3: <Chart> src: written as code, which Casefolio cannot check before the build and runs no code from content; write the value itself (src="..." or src={["a", "b"]})',
      '5: <span> title: written as code, which Casefolio cannot check before the build and runs no code from content; write the value itself (title="..." or title={["a", "b"]})',
    ]);
  });

  it('shortens long code to one line', () => {
    expect(problems(`{items\n  .map((item) => item.name.toUpperCase())\n  .join(", ")}`)).toEqual([
      `1: {items .map((item) => item.name.toUpperC…} is code, which would run during the build; Casefolio runs no code from content, so write the text or value itself (a metric's value is <Metric name="..." />)`,
    ]);
  });
});
