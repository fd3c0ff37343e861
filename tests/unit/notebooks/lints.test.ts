import { describe, expect, it } from 'vitest';
import { lintNotebook, MAX_OUTPUT_BYTES, notebookTexts } from '../../../src/notebooks/lints.ts';
import type { NotebookSelection } from '../../../src/notebooks/view.ts';
import { code, display, error, markdown, notebook, PNG_1X1, result, stream } from './notebooks.ts';

const ALL: NotebookSelection = { input: true, outputs: true, alt: {} };
const rules = (findings: { rule: string }[]) => findings.map((finding) => finding.rule);

describe('lintNotebook', () => {
  it('finds nothing in a notebook run in order, with alt text, small outputs and no secrets', () => {
    const nb = notebook([
      markdown('# Intro'),
      code('#| fig-alt: A line rising\nplot()', 1, [display({ 'image/png': PNG_1X1 })]),
      code('print(2)', 2, [stream('2\n')]),
    ]);
    expect(lintNotebook(nb, ALL)).toEqual([]);
  });

  it('notebook-not-run: no saved outputs and no execution counts at all', () => {
    const nb = notebook([markdown('# Intro'), code('fit()', null), code('plot()', null)]);
    expect(lintNotebook(nb, ALL)).toEqual([
      {
        rule: 'notebook-not-run',
        severity: 'warning',
        message:
          'the notebook has no saved outputs (it was saved without being run, or its outputs were cleared), so the page shows its code only; Casefolio never runs notebooks: run it in Jupyter (Run > Run All Cells), save it, and build again',
      },
    ]);
    // Not when the page shows no outputs anyway, nor when a cell ran.
    expect(lintNotebook(nb, { ...ALL, outputs: false })).toEqual([]);
    expect(lintNotebook(notebook([code('x = 1', 1), code('y', null)]), ALL)).toEqual([]);
  });

  it('notebook-order: execution counts out of order, named by the cells', () => {
    const nb = notebook([
      code('a', 1),
      code('b', 7),
      code('#| label: fit\nc', 3),
      code('d', null),
      code('e', 9),
    ]);
    expect(lintNotebook(nb, ALL)).toEqual([
      {
        rule: 'notebook-order',
        severity: 'warning',
        message:
          'execution counts are out of order: cell "fit" comes after In [7] (the 2nd cell), so the cells were run out of sequence and the saved outputs may not follow from the code above them; restart the kernel and run every cell in order (Kernel > Restart Kernel and Run All Cells), then save',
      },
    ]);
  });

  it('notebook-image-alt: an error giving the fix for that cell, unless the cell or the prop gives alt text', () => {
    const nb = notebook([
      code('plot()', 12, [display({ 'image/png': PNG_1X1 }), display({ 'image/png': PNG_1X1 })]),
      code('#| label: roc-curve\nroc()', 13, [
        display({ 'image/png': PNG_1X1, 'text/plain': '<Figure>' }),
      ]),
      code('#| fig-cap: Loss by epoch\nloss()', 14, [display({ 'image/png': PNG_1X1 })]),
      code('table()', 15, [display({ 'text/html': '<table></table>' })]),
    ]);
    expect(lintNotebook(nb, ALL)).toEqual([
      {
        rule: 'notebook-image-alt',
        severity: 'error',
        message:
          'In [12] (the 1st cell): its 2 image outputs have no alt text, which people using a screen reader need; add alt={{ 12: "…" }} to <Notebook>, or add a line "#| fig-alt: …" at the top of the cell, describing what the figure shows',
      },
      {
        rule: 'notebook-image-alt',
        severity: 'error',
        message:
          'cell "roc-curve": its image output has no alt text, which people using a screen reader need; add alt={{ "roc-curve": "…" }} to <Notebook>, or add a line "#| fig-alt: …" at the top of the cell, describing what the figure shows',
      },
    ]);
    expect(
      lintNotebook(nb, { ...ALL, alt: { 12: 'Pair plot', 'roc-curve': 'ROC, AUC 0.99' } }),
    ).toEqual([]);
    // Hidden outputs and cells left out need none.
    expect(lintNotebook(nb, { ...ALL, outputs: false })).toEqual([]);
    expect(lintNotebook(nb, { ...ALL, cells: [14, 15] })).toEqual([]);
  });

  it(`notebook-output-size: an output over ${MAX_OUTPUT_BYTES / 1024 / 1024} MB as the page carries it`, () => {
    const big = 'x'.repeat(MAX_OUTPUT_BYTES + 1);
    const nb = notebook([
      code('print(df)', 1, [
        stream('ok'),
        display({ 'text/html': `<p>${big}</p>`, 'text/plain': 'small' }),
      ]),
      // A large text/plain beside an image is never on the page.
      code('fig', 2, [display({ 'image/png': PNG_1X1, 'text/plain': big })], { metadata: {} }),
    ]);
    expect(lintNotebook(nb, { ...ALL, alt: { 2: 'Fig' } })).toEqual([
      {
        rule: 'notebook-output-size',
        severity: 'warning',
        message:
          'In [1] (the 1st cell): output 2 (text/html) is 2.00 MB, over the 2 MB limit for one output, which makes the page slow to load; show less (df.head(20), a lower dpi for figures), or hide the output (tag the cell remove-output)',
      },
    ]);
  });

  it('notebook-secret: keys and tokens in shown code and outputs, without repeating them', () => {
    const aws = 'AKIAIOSFODNN7EXAMPLE';
    const github = `ghp_${'a1B2'.repeat(9)}`;
    const nb = notebook([
      code(`key = "${aws}"`, 1, [stream(`token ${github}\n`)]),
      code('print(x)', 2, [result({ 'text/plain': `'xoxb-1234567890-abcdefghij'` })]),
      code('openai', 3, [stream(`sk-proj-${'Ab3_'.repeat(12)}\n`)]),
      code('ssh', 4, [
        stream('-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----\n'),
      ]),
      code('legacy', 5, [stream(`sk-${'a'.repeat(20)}T3BlbkFJ${'b'.repeat(20)}`)]),
      code('github_pat', 6, [error([`github_pat_${'A1'.repeat(15)}`])]),
      code('hidden', 7, [stream(aws)], { metadata: { tags: ['remove-output'] } }),
      code('sklearn', 8, [stream('sk-learn is fine, and so is task-1234 and AKIA\n')]),
    ]);
    const findings = lintNotebook(nb, ALL);
    expect(rules(findings)).toEqual(Array(7).fill('notebook-secret'));
    expect(findings.map((finding) => finding.message.split(', which')[0])).toEqual([
      'In [1] (the 1st cell): its code holds what looks like an AWS access key (AKIA…)',
      'In [1] (the 1st cell): its output holds what looks like a GitHub token (ghp_…)',
      'In [2] (the 2nd cell): its output holds what looks like a Slack token (xoxb…)',
      'In [3] (the 3rd cell): its output holds what looks like an OpenAI API key (sk-p…)',
      'In [4] (the 4th cell): its output holds what looks like a private key (-----BEGIN OPENSSH PRIVATE KEY-----)',
      'In [5] (the 5th cell): its output holds what looks like an OpenAI API key (sk-a…)',
      'In [6] (the 6th cell): its output holds what looks like a GitHub token (gith…)',
    ]);
    expect(findings[0]).toMatchObject({ severity: 'error' });
    expect(findings[0]?.message).toMatch(/; revoke it with its issuer now/);
    expect(JSON.stringify(findings)).not.toContain(aws);
    // Hidden code is not published.
    expect(rules(lintNotebook(nb, { ...ALL, input: false, cells: [1] }))).toEqual([
      'notebook-secret',
    ]);
  });
});

describe('notebookTexts', () => {
  it('holds the text a page shows: Markdown, shown code and outputs without escape codes', () => {
    const nb = notebook([
      markdown('Contact jane@corp.example'),
      code('query("db.internal.corp")', 1, [
        stream('\u001b[31mconnected to db.internal.corp\u001b[0m\n'),
        display({ 'image/png': PNG_1X1, 'text/plain': '<Figure>' }),
      ]),
      code('hidden()', 2, [stream('secret.corp')], { metadata: { tags: ['remove-output'] } }),
    ]);
    expect(notebookTexts(nb, ALL)).toEqual([
      { cell: 'the 1st cell', text: 'Contact jane@corp.example' },
      { cell: 'In [1] (the 2nd cell)', text: 'query("db.internal.corp")' },
      { cell: 'In [1] (the 2nd cell)', text: 'connected to db.internal.corp\n' },
      { cell: 'In [2] (the 3rd cell)', text: 'hidden()' },
    ]);
  });

  it("holds a figure's alt text, caption and an SVG's words, which the page publishes too", () => {
    const nb = notebook([
      code('#| fig-alt: Load on db01.acme.internal\n#| fig-cap: Ask jane@acme.com\nplot()', 1, [
        display({ 'image/png': PNG_1X1 }),
        display({
          'image/svg+xml': '<svg width="1" height="1"><text>from db02.acme.internal</text></svg>',
        }),
      ]),
      code('#| fig-alt: Overridden on db03.acme.internal\nplot()', 2, [
        display({ 'image/png': PNG_1X1 }),
      ]),
    ]);
    const texts = notebookTexts(nb, { ...ALL, alt: { 2: 'Load by hour' } });
    expect(texts.filter(({ text }) => /acme/.test(text))).toEqual([
      { cell: 'In [1] (the 1st cell)', text: '  from db02.acme.internal  ' },
      { cell: 'In [1] (the 1st cell)', text: 'Load on db01.acme.internal\nAsk jane@acme.com' },
    ]);
    const key = 'AKIAIOSFODNN7EXAMPLE';
    const secret = notebook([
      code(`#| fig-cap: made with ${key}\nplot()`, 1, [display({ 'image/png': PNG_1X1 })]),
    ]);
    expect(lintNotebook(secret, ALL).map((finding) => finding.message.split(', which')[0])).toEqual(
      [
        'In [1] (the 1st cell): its alt text or caption holds what looks like an AWS access key (AKIA…)',
      ],
    );
  });
});
