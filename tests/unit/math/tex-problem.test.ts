import { describe, expect, it } from 'vitest';
import { texProblem } from '../../../src/math/tex-problem.ts';

describe('texProblem: one line saying what is wrong with a formula and how to fix it', () => {
  it('accepts the formulas a case study has', () => {
    const formulas: [string, boolean][] = [
      [String.raw`\mathcal{L}(\theta) = -\frac{1}{N}\sum_{i=1}^{N} y_i \log \hat{y}_i`, true],
      [String.raw`\operatorname{softmax}(z)_k = \frac{e^{z_k}}{\sum_{j} e^{z_j}}`, true],
      [String.raw`F_1 = \frac{2PR}{P+R}`, false],
      [String.raw`\mathbb{E}_{x \sim p}[f(x)]`, false],
      [String.raw`\begin{pmatrix} TP & FP \\ FN & TN \end{pmatrix}`, true],
      [
        String.raw`\begin{aligned} P &= \frac{TP}{TP+FP} \\ R &= \frac{TP}{TP+FN} \end{aligned}`,
        true,
      ],
      [String.raw`\hat{\beta} = \arg\min_\beta \lVert y - X\beta \rVert_2^2`, true],
      [String.raw`\tag{1} E = mc^2`, true],
      ['', false],
    ];
    for (const [tex, display] of formulas) expect(texProblem(tex, display), tex).toBeUndefined();
  });

  it('names an unknown command and suggests the one a typo away', () => {
    expect(texProblem(String.raw`\fracc{1}{2}`, false)).toBe(
      String.raw`unknown command \fracc (did you mean \frac?)`,
    );
    expect(texProblem(String.raw`\lamda`, false)).toBe(
      String.raw`unknown command \lamda (did you mean \lambda?)`,
    );
    expect(texProblem(String.raw`\alpah + 1`, false)).toBe(
      String.raw`unknown command \alpah (did you mean \alpha?)`,
    );
    expect(texProblem(String.raw`\Sum_i x_i`, false)).toBe(
      String.raw`unknown command \Sum (did you mean \sum?)`,
    );
    expect(texProblem(String.raw`\infinity`, false)).toBe(
      String.raw`unknown command \infinity; the commands Temml supports are listed at https://temml.org/docs/en/supported.html`,
    );
  });

  it('names an unknown environment, with a suggestion or the usual ones', () => {
    expect(texProblem(String.raw`\begin{matrx} 1 \end{matrx}`, true)).toBe(
      String.raw`unknown environment \begin{matrx} (did you mean \begin{matrix}?)`,
    );
    expect(texProblem(String.raw`\begin{foo} 1 \end{foo}`, true)).toBe(
      String.raw`unknown environment \begin{foo}; use aligned, matrix, pmatrix, bmatrix, cases or array`,
    );
  });

  it('says how to fix braces, delimiters and scripts', () => {
    expect(texProblem(String.raw`\frac{1}{2`, false)).toBe(
      'a { is never closed; add the missing }',
    );
    expect(texProblem('x^{', false)).toBe('a { is never closed; add the missing }');
    expect(texProblem('a}', false)).toBe('a } closes nothing; remove it or add the { it closes');
    expect(texProblem(String.raw`\frac`, false)).toBe(
      String.raw`\frac at the end is missing its arguments; write them in braces after it, as \frac{…}`,
    );
    expect(texProblem(String.raw`\sqrt`, false)).toBe(
      String.raw`\sqrt is missing its argument; write it in braces, as \sqrt{x}`,
    );
    expect(texProblem(String.raw`\left( x`, false)).toBe(
      String.raw`\left needs a matching \right (\right. for an invisible one)`,
    );
    expect(texProblem(String.raw`x \right)`, false)).toBe(
      String.raw`\right has no \left before it; add one (\left. for an invisible one)`,
    );
    expect(texProblem(String.raw`\begin{aligned} a &= b \end{align}`, true)).toBe(
      String.raw`\begin{aligned} is closed by \end{align}; the names must match`,
    );
    expect(texProblem('x^2^3', false)).toBe(
      'two superscripts on one base; group them, as x^{a^b} or {x^a}^b',
    );
    expect(texProblem('x_1_2', false)).toBe(
      'two subscripts on one base; group them, as x_{a_b} or {x_a}_b',
    );
    expect(texProblem(String.raw`\hat y^`, false)).toBe(
      '^ at the end has nothing to raise; write x^{2}, or remove it',
    );
    expect(texProblem('x_', false)).toBe(
      '_ at the end has nothing to lower; write x_{2}, or remove it',
    );
    expect(texProblem('a & b', false)).toBe(
      String.raw`& only separates columns inside an environment such as aligned, matrix or cases; write \& for an ampersand`,
    );
  });

  it('refuses what would reach outside the formula, and macros that never end', () => {
    expect(texProblem(String.raw`\includegraphics{secret.png}`, false)).toBe(
      String.raw`\includegraphics is not allowed in a formula on the site (it would load a file or style the page)`,
    );
    expect(texProblem(String.raw`\href{javascript:alert(1)}{x}`, false)).toMatch(
      /^unknown command \\href/,
    );
    expect(texProblem(String.raw`\def\a{\a\a}\a`, false)).toBe(
      String.raw`a macro expands without end (a \def or \newcommand that calls itself)`,
    );
  });

  it('allows \\tag only in display math, and says so', () => {
    expect(texProblem(String.raw`\tag{1} x`, false)).toBe(
      String.raw`\tag works only in display math: write the formula between $$ and $$`,
    );
  });

  it('keeps every message to one line without Temml’s position noise', () => {
    for (const tex of [String.raw`\fracc{1}{2}`, 'x^2^3', String.raw`\color{#f00" x}{y}`, '}']) {
      const message = texProblem(tex, false) ?? '';
      expect(message).not.toMatch(/\n|position \d|\u0332/);
      expect(message).not.toBe('');
    }
  });
});
