import { describe, expect, it } from 'vitest';
import { parsePythonJson, replacePythonNonFinite } from '../../../src/files/python-json.ts';
import { TOO_DEEP } from '../../../src/files/size-limit.ts';

describe('replacePythonNonFinite', () => {
  it('replaces bare NaN, Infinity and -Infinity outside strings only', () => {
    expect(replacePythonNonFinite('{"a": NaN, "b": Infinity, "c": [-Infinity, 1]}')).toBe(
      '{"a": null, "b": null, "c": [null, 1]}',
    );
    expect(replacePythonNonFinite('{"note": "NaN loss at Infinity", "x": NaN}')).toBe(
      '{"note": "NaN loss at Infinity", "x": null}',
    );
    expect(replacePythonNonFinite('{"q\\"NaN": "a \\" NaN \\\\", "NaN": NaN}')).toBe(
      '{"q\\"NaN": "a \\" NaN \\\\", "NaN": null}',
    );
    expect(replacePythonNonFinite('["\\\\\\"NaN", NaN]')).toBe('["\\\\\\"NaN", null]');
  });

  it('leaves text without NaN or Infinity unchanged, and an unclosed string as it is', () => {
    const text = '{"loss": [0.5, 0.25], "lr": 1e-05}';
    expect(replacePythonNonFinite(text)).toBe(text);
    expect(replacePythonNonFinite('[NaN, "open NaN')).toBe('[null, "open NaN');
  });

  it('reads strings of many megabytes (an image, a long log) without overflowing the stack', () => {
    const image = 'iVBORw0KGgo'.repeat(2_000_000);
    const log = 'epoch\\n'.repeat(2_000_000);
    const text = `{"png": "${image}", "log": "${log}", "loss": NaN, "note": "NaN"}`;
    expect(replacePythonNonFinite(text)).toBe(
      `{"png": "${image}", "log": "${log}", "loss": null, "note": "NaN"}`,
    );
  });
});

describe('parsePythonJson', () => {
  it('reads NaN and infinities as null', () => {
    expect(parsePythonJson('\uFEFF{"x": NaN, "y": [Infinity, -Infinity, 2]}')).toEqual({
      ok: true,
      data: { x: null, y: [null, null, 2] },
    });
  });

  it('gives a syntax error its line, and refuses deep nesting before parsing', () => {
    expect(parsePythonJson('{\n"x": NaN,\n}')).toMatchObject({ ok: false, line: 3 });
    expect(parsePythonJson('['.repeat(10_000))).toEqual({
      ok: false,
      line: 1,
      reason: TOO_DEEP,
      tooDeep: true,
    });
  });
});
