import fc from 'fast-check';

/**
 * Generators for what an intern (or an attacker) can put in content/: text,
 * YAML values of every type, CSV and JSON files, MLflow run folders and MDX
 * bodies. Each mixes values the contract accepts with hostile and broken ones,
 * so a property sees both what passes and what must be refused.
 */

/** Text aimed at the page, the terminal and the file system. */
export const HOSTILE_TEXT = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</title><script>alert(2)</script>',
  '</script><script>alert(3)</script>',
  '<iframe src="javascript:alert(1)"></iframe>',
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  '&#106;avascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit(1)}',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  'file:///etc/passwd',
  '\u001b[31mred\u001b[0m',
  'nul\u0000byte',
  'bell\u0007',
  'c1\u0085control',
  '\u202egnp.exe',
  'zero\u200bwidth',
  '\u2028line separator',
  'a\r\nb',
  '🙂',
  '👩🏽‍🔬',
  'Ωmega ünïcödé 漢字',
  '%00',
  '%',
  '100%',
  '#',
  '&amp;',
  '<!-- comment -->',
  ']]>',
  '\\',
  '"',
  "'",
  '`',
  '',
  ' ',
  'x'.repeat(300),
];

/** Any text: arbitrary code points, grapheme clusters, and the hostile list. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

/** Text that is fine to show: letters, digits and punctuation, never empty. */
export const plainText: fc.Arbitrary<string> = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9 .,()%-]{0,30}$/)
  .map((text) => text.trim())
  .filter((text) => text.length > 0);

/** Plain YAML scalars whose type depends on how a parser reads them. */
const PLAIN_SCALARS = [
  '2025-06',
  '2025-06-15',
  '2025-13',
  '2025-02-30',
  '2001-12-14t21:59:43.10-05:00',
  'present',
  '~',
  'null',
  'Null',
  'true',
  'True',
  'yes',
  'no',
  'on',
  'off',
  '0',
  '-0',
  '+1',
  '0.91',
  '1e3',
  '1e400',
  '-1e400',
  '1.7976931348623157e308',
  '-1.7976931348623157e308',
  '5e-324',
  '123456789012345678901234567890',
  '9007199254740993',
  '0.30000000000000004',
  '.inf',
  '-.inf',
  '.nan',
  '.NaN',
  '0x1F',
  '0o17',
  '017',
  '0b101',
  '1_000',
  '12:30:00',
  'https://example.com/x',
  'http://example.com',
  'mailto:ada@example.com',
  './cover.png',
  './data.csv',
  './nope.png',
  '../../../../outside.png',
  '/etc/passwd',
  'classification',
  'higher',
  'lower',
  'confidential',
  'public',
  'line',
  '=',
  '- item',
  '? key',
  '|',
  '>',
  '@at',
  '%percent',
];

/** A YAML scalar as written in a file: quoted text, a plain scalar, a number. */
const yamlScalar: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: anyText.map((text) => JSON.stringify(text)) },
  { weight: 1, arbitrary: anyText.map((text) => `'${text.replaceAll("'", "''")}'`) },
  { weight: 3, arbitrary: fc.constantFrom(...PLAIN_SCALARS) },
  { weight: 1, arbitrary: plainText },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map((value) => String(value)) },
  { weight: 1, arbitrary: fc.bigInt().map(String) },
);

/** YAML tags, the core schema's, js-yaml's extra ones and unknown ones. */
const TAGS = [
  '!!str',
  '!!int',
  '!!float',
  '!!bool',
  '!!null',
  '!!binary',
  '!!timestamp',
  '!!set',
  '!!omap',
  '!!pairs',
  '!!map',
  '!!seq',
  '!!js/function',
  '!custom',
  '!',
  '!<tag:yaml.org,2002:str>',
];

/** A YAML value in flow style, one line: scalars, tagged values, anchors, lists and maps. */
const yamlValue: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: yamlScalar },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...TAGS), tie('value'))
        .map(([tag, value]) => `${tag} ${value}`),
    },
    { weight: 1, arbitrary: tie('value').map((value) => `&anchor ${value}`) },
    { weight: 1, arbitrary: fc.constantFrom('*anchor', '*nowhere') },
    {
      weight: 2,
      arbitrary: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.tuple(fc.oneof(fc.constantFrom('a', 'name', '<<'), yamlScalar), tie('value')), {
          maxLength: 4,
        })
        .map((pairs) => `{${pairs.map(([key, value]) => `${key}: ${value}`).join(', ')}}`),
    },
  ),
})).value;

/** A value for a field: usually one that fits, sometimes any YAML value. */
function field(valid: fc.Arbitrary<string>, chance = 4): fc.Arbitrary<string> {
  return fc.oneof({ weight: chance, arbitrary: valid }, { weight: 1, arbitrary: yamlValue });
}

/** Quoted, hostile or plain text: what a text field holds in a case study that passes. */
const textValue: fc.Arbitrary<string> = fc.oneof(
  plainText,
  anyText.map((text) => JSON.stringify(text)),
);

const flowMap = (pairs: [string, string | undefined][]) =>
  `{ ${pairs
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ')} }`;

const optional = (value: fc.Arbitrary<string>) =>
  fc.option(value, { nil: undefined, freq: 2 }) as fc.Arbitrary<string | undefined>;

const textList = fc
  .array(field(textValue), { maxLength: 4 })
  .map((items) => `[${items.join(', ')}]`);

/** A metric: a value or a `from`/`key` pair, with any of the other fields. */
const metric = fc
  .record({
    name: field(textValue),
    value: optional(field(fc.constantFrom('0.91', '64', '-3', '0', '1e3'))),
    from: optional(
      field(fc.constantFrom('./report.json', './data.csv', './mlruns', './nope.json')),
    ),
    key: optional(field(fc.constantFrom('accuracy', 'macro avg.f1-score', 'loss', 'val_auc@best'))),
    baseline: optional(field(fc.constantFrom('0.78', '41', '0'))),
    goal: optional(field(fc.constantFrom('higher', 'lower'))),
    unit: optional(field(textValue)),
    split: optional(field(textValue)),
    primary: optional(field(fc.constantFrom('true', 'false'))),
    description: optional(field(textValue)),
  })
  .map((fields) => flowMap(Object.entries(fields)));

/**
 * The frontmatter of a case study, field by field: each field usually of the
 * right shape with leaves from `field` (the right kind, or any YAML value),
 * sometimes left out, and now and then a field nobody knows.
 */
export const frontmatter: fc.Arbitrary<string> = fc
  .record({
    title: field(textValue),
    summary: field(textValue),
    organization: field(textValue),
    role: field(textValue),
    period: field(
      fc
        .record({
          start: field(fc.constantFrom('2025-06', '2024-01-15', '2025-02-29')),
          end: optional(field(fc.constantFrom('2025-08', 'present', '2023-01'))),
        })
        .map((fields) => flowMap(Object.entries(fields))),
    ),
    draft: optional(field(fc.constantFrom('true', 'false'))),
    featured: optional(field(fc.constantFrom('true', 'false'))),
    tags: optional(field(textList)),
    skills: optional(field(textList)),
    cover: optional(
      field(
        fc
          .record({
            src: field(fc.constantFrom('./cover.png', 'cover.png', './nope.png', './data.csv')),
            alt: field(textValue),
          })
          .map((fields) => flowMap(Object.entries(fields))),
      ),
    ),
    team: optional(field(textValue)),
    dataset: field(
      fc
        .record({
          name: field(textValue),
          description: optional(field(textValue)),
          source: optional(field(textValue)),
          url: optional(
            field(fc.constantFrom('https://example.com/data', '"javascript:alert(1)"')),
          ),
          rows: optional(field(fc.constantFrom('1200000', '0', '-5', '1.5'))),
          features: optional(field(fc.constantFrom('48', '0'))),
          license: optional(field(textValue)),
          access: optional(field(fc.constantFrom('public', 'internal', 'confidential'))),
        })
        .map((fields) => flowMap(Object.entries(fields))),
    ),
    model: field(
      fc
        .record({
          name: field(textValue),
          task: field(fc.constantFrom('classification', 'regression', 'other')),
          framework: optional(field(textValue)),
          baseline: optional(field(textValue)),
          hyperparameters: optional(
            field(
              fc
                .array(
                  fc.tuple(
                    fc.oneof(
                      plainText,
                      anyText.map((t) => JSON.stringify(t)),
                    ),
                    yamlScalar,
                  ),
                  {
                    maxLength: 3,
                  },
                )
                .map((pairs) => flowMap(pairs)),
            ),
          ),
        })
        .map((fields) => flowMap(Object.entries(fields))),
    ),
    metrics: field(
      fc.array(metric, { minLength: 1, maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
    ),
    stakeholders: field(
      fc
        .array(
          fc
            .record({
              role: field(textValue),
              name: optional(field(textValue)),
              team: optional(field(textValue)),
              need: optional(field(textValue)),
              outcome: optional(field(textValue)),
              influence: optional(field(fc.constantFrom('high', 'medium', 'low'))),
            })
            .map((fields) => flowMap(Object.entries(fields))),
          { minLength: 1, maxLength: 2 },
        )
        .map((items) => `[${items.join(', ')}]`),
    ),
    impact: optional(field(textList)),
    links: optional(
      field(
        fc
          .record({
            repo: optional(
              field(fc.constantFrom('https://github.com/ada/churn', '"javascript:alert(1)"')),
            ),
            demo: optional(field(fc.constantFrom('https://example.com/demo'))),
          })
          .map((fields) => flowMap(Object.entries(fields))),
      ),
    ),
    unknown: optional(
      fc
        .tuple(fc.constantFrom('titel', 'sumary', 'x', '<<'), yamlValue)
        .map(([k, v]) => `${k}: ${v}`),
    ),
  })
  .map(({ unknown, ...fields }) =>
    [
      ...Object.entries(fields)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}: ${value}`),
      ...(unknown ? [unknown] : []),
    ].join('\n'),
  );

/** profile.yaml: the contract's fields with the same mix of values. */
export const profile: fc.Arbitrary<string> = fc
  .record({
    name: field(textValue),
    headline: field(textValue),
    location: optional(field(textValue)),
    email: optional(field(fc.constantFrom('ada@example.com', 'not-an-email', '"a@b.c\\nd"'))),
    bio: optional(field(textValue)),
    avatar: optional(field(fc.constantFrom('./cover.png', './nope.png', '../../etc/passwd'))),
    availability: optional(field(textValue)),
    links: optional(
      field(
        fc
          .array(
            fc
              .record({
                label: field(textValue),
                url: field(
                  fc.constantFrom(
                    'https://example.com',
                    'mailto:ada@example.com',
                    '"javascript:alert(1)"',
                    '"data:text/html,hi"',
                  ),
                ),
              })
              .map((fields) => flowMap(Object.entries(fields))),
            { maxLength: 2 },
          )
          .map((items) => `[${items.join(', ')}]`),
      ),
    ),
    skills: optional(field(fc.constant('[{ group: Languages, items: [Python, SQL] }]'))),
  })
  .map((fields) =>
    Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}: ${value}`)
      .join('\n'),
  );

/** A case study's body with the four sections the lints ask for, and `middle` under Approach. */
export function withSections(middle: string): string {
  return `## Problem\n\nA problem.\n\n## Approach\n\n${middle}\n\n## Results\n\nResults.\n\n## Impact\n\nImpact.\n`;
}

/** An MDX file: frontmatter fenced by `---`, then the body. */
export function mdxFile(frontmatterText: string, body: string): string {
  return `---\n${frontmatterText}\n---\n\n${body}`;
}

/** Frontmatter that passes, for properties about other files. */
export const VALID_FRONTMATTER = [
  'title: Churn model',
  'summary: A churn model found 82% of leaving customers, up from 61%.',
  'organization: Acme Telecom',
  'role: Data Science Intern',
  'period: { start: 2025-06, end: 2025-08 }',
  'dataset: { name: Subscriber events }',
  'model: { name: Gradient boosting, task: classification }',
  'stakeholders: [{ role: Head of Retention }]',
].join('\n');

/** A cell of a data file: numbers as people and tools write them, text, gaps. */
const cell: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.double({ noNaN: false }).map(String) },
  { weight: 2, arbitrary: fc.integer().map(String) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      'NA',
      'NaN',
      'nan',
      'inf',
      '-inf',
      'Infinity',
      '1e999',
      '-0',
      '0x10',
      '1,5',
      '1 000',
      '+3',
      '.5',
      '5.',
      '1e-400',
      '123456789012345678901234567890',
    ),
  },
  { weight: 2, arbitrary: anyText },
);

/** A CSV field as written: quoted when it must be (or at random), raw otherwise. */
const csvField = (separator: string) =>
  fc
    .tuple(cell, fc.boolean())
    .map(([text, quote]) =>
      quote || text.includes(separator) || /["\r\n]/.test(text)
        ? `"${text.replaceAll('"', '""')}"`
        : text,
    );

/** A CSV file's text and its header's column names. */
export const csvFile: fc.Arbitrary<{ text: string; columns: string[] }> = fc
  .record({
    separator: fc.constantFrom(',', ';', '\t'),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    columns: fc.array(fc.oneof(plainText, anyText), { minLength: 1, maxLength: 5 }),
    rows: fc.nat({ max: 12 }),
    ragged: fc.boolean(),
  })
  .chain(({ separator, newline, bom, columns, rows, ragged }) =>
    fc
      .array(
        fc.array(csvField(separator), {
          minLength: ragged ? 0 : columns.length,
          maxLength: ragged ? columns.length + 2 : columns.length,
        }),
        { minLength: rows, maxLength: rows },
      )
      .map((cells) => {
        const header = columns
          .map((name) => (/[",\r\n;\t]/.test(name) ? `"${name.replaceAll('"', '""')}"` : name))
          .join(separator);
        const lines = [header, ...cells.map((row) => row.join(separator))];
        return { text: `${bom ? '\uFEFF' : ''}${lines.join(newline)}${newline}`, columns };
      }),
  );

/** JSON as tools write it (reports, histories, matrices, rows) and as anything else. */
export const jsonText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
  {
    weight: 2,
    arbitrary: fc
      .dictionary(
        fc.oneof(
          fc.constantFrom('accuracy', 'macro avg', 'weighted avg', '0', '1', '__proto__'),
          anyText,
        ),
        fc.oneof(
          fc.double().map((value) => value),
          fc.dictionary(
            fc.constantFrom('precision', 'recall', 'f1-score', 'support'),
            fc.oneof(fc.double(), fc.integer(), anyText),
          ),
        ),
        { maxKeys: 5 },
      )
      .map((value) => JSON.stringify(value)),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.array(fc.oneof(fc.nat(100), fc.double(), anyText), { maxLength: 4 }), {
        maxLength: 4,
      })
      .map((value) => JSON.stringify(value)),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.dictionary(
          fc.oneof(plainText, anyText),
          fc.oneof(fc.double(), fc.integer(), anyText, fc.constant(null)),
          { maxKeys: 4 },
        ),
        {
          maxLength: 6,
        },
      )
      .map((value) => JSON.stringify(value)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '{',
      '[1, 2,]',
      '{"a": NaN}',
      '{"a": Infinity}',
      '\uFEFF{"accuracy": 0.9}',
      '{"accuracy": 0.9} trailing',
      '{"a": 1, "a": 2}',
      '{"log_history": [{"step": 1, "loss": 0.5}], "best_metric": 0.9}',
      '{"labels": ["a", "b"], "matrix": [[1, 2], [3, 4]]}',
      '{"labels": ["a"], "matrix": [[1, 2], [3, 4]]}',
      '[[1e400, 1], [1, 1]]',
    ),
  },
);

/** Where a property's files point: keys and column names from the file and beyond. */
export function keyFor(columns: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    ...(columns.length > 0 ? [fc.constantFrom(...columns)] : []),
    fc.constantFrom(
      'accuracy',
      'macro avg.f1-score',
      'loss',
      'val_loss',
      'loss@best',
      'loss@last',
      'loss@step=3',
      '0.1',
      '__proto__',
      'constructor.name',
    ),
    anyText.filter((text) => text.trim() !== ''),
  );
}

/** An MLflow run folder's files, relative to the case study's folder, and its metric names. */
export const runFolder: fc.Arbitrary<{ files: Record<string, string>; metrics: string[] }> = fc
  .record({
    meta: fc.oneof(
      fc.constant(
        'run_id: abc\nrun_name: gentle-owl-42\nlifecycle_stage: active\nstatus: 3\nstart_time: 1718035501234\n',
      ),
      fc.constant('lifecycle_stage: deleted\n'),
      fc
        .tuple(
          fc.constantFrom(
            'run_name',
            'status',
            'lifecycle_stage',
            'start_time',
            'end_time',
            'user_id',
          ),
          yamlValue,
        )
        .map(([key, value]) => `${key}: ${value}\n`),
      anyText,
    ),
    metrics: fc.dictionary(
      fc.oneof(
        fc.constantFrom('loss', 'val_auc', 'val/loss', 'a b'),
        fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/),
      ),
      fc.oneof(
        fc
          .array(
            fc.tuple(
              fc.nat(),
              fc.oneof(
                fc.double().map(String),
                fc.constantFrom('nan', 'inf', '-inf', 'NaN', 'x', ''),
              ),
              fc.integer({ min: -3, max: 100 }),
            ),
            { maxLength: 6 },
          )
          .map((lines) =>
            lines.map(([time, value, step]) => `${time} ${value} ${step}`).join('\n'),
          ),
        anyText,
      ),
      { minKeys: 1, maxKeys: 3 },
    ),
    params: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), anyText, { maxKeys: 2 }),
    tags: fc.dictionary(
      fc.constantFrom('mlflow.runName', 'mlflow.source.git.commit', 'mlflow.user', 'note'),
      anyText,
      {
        maxKeys: 3,
      },
    ),
  })
  .map(({ meta, metrics, params, tags }) => {
    const run = 'mlruns/1/abc';
    const files: Record<string, string> = {
      'mlruns/1/meta.yaml': 'experiment_id: 1\nname: churn\nlifecycle_stage: active\n',
      [`${run}/meta.yaml`]: meta,
    };
    for (const [name, text] of Object.entries(metrics)) files[`${run}/metrics/${name}`] = text;
    for (const [name, text] of Object.entries(params)) files[`${run}/params/${name}`] = text;
    for (const [name, text] of Object.entries(tags)) files[`${run}/tags/${name}`] = text;
    return { files, metrics: Object.keys(metrics) };
  });

/** URLs for links and images: allowed, hostile, relative, broken. */
export const url: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'https://example.com/',
    'http://example.com/a?b=c#d',
    'mailto:ada@example.com',
    '/case-studies/other/',
    '../other/',
    '#results',
    './plot.png',
    'plot.png',
    './nope.png',
    './data.csv',
    './_notes/plot.png',
    '../../../../outside.png',
    './100%.png',
    './a%20b.png',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java&#x09;script:alert(1)',
    '&#106;avascript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,iVBORw0KGgo=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/',
    '',
  ),
  anyText.map((text) => text.replace(/[\s()<>[\]]/g, '')),
);

const attributeValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: url.map((value) => JSON.stringify(value)) },
  {
    weight: 2,
    arbitrary: anyText.filter((text) => !text.includes('"')).map((text) => `"${text}"`),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '{1}',
      '{"text"}',
      '{["loss", "val_loss"]}',
      '{[[52, 1], [1, 89]]}',
      '{{ a: 1 }}',
      '{x}',
      '{alert(1)}',
      '{`t`}',
      '{-1e400}',
    ),
  },
);

const attributeName = fc.constantFrom(
  'src',
  'href',
  'alt',
  'title',
  'caption',
  'type',
  'x',
  'y',
  'data',
  'matrix',
  'labels',
  'name',
  'onclick',
  'onerror',
  'style',
  'action',
  'formaction',
  'srcset',
  'xlink:href',
  'class',
);

const element = fc
  .record({
    name: fc.constantFrom(
      'Chart',
      'Figure',
      'Metric',
      'MetricsChart',
      'ConfusionMatrix',
      'Callout',
      'Chrt',
      'a',
      'img',
      'div',
      'span',
      'script',
      'iframe',
      'object',
      'embed',
      'base',
      'form',
      'meta',
      'link',
      'style',
      'svg',
      'video',
    ),
    attributes: fc.array(fc.tuple(attributeName, attributeValue), { maxLength: 4 }),
    children: fc.option(
      anyText.map((text) => text.replace(/[{}<>]/g, '')),
      { nil: undefined },
    ),
    spread: fc.boolean(),
  })
  .map(({ name, attributes, children, spread }) => {
    const attrs = [...new Map(attributes).entries()]
      .map(([key, value]) => ` ${key}=${value}`)
      .join('');
    const open = `<${name}${attrs}${spread ? ' {...props}' : ''}`;
    return children === undefined ? `${open} />` : `${open}>${children}</${name}>`;
  });

/** A piece of an MDX body: Markdown, HTML, components, expressions, code, ESM. */
const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: anyText },
  { weight: 3, arbitrary: element },
  {
    weight: 2,
    arbitrary: fc.tuple(anyText, url).map(([text, to]) => `[${text.replace(/[[\]]/g, '')}](${to})`),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(anyText, url).map(([alt, to]) => `![${alt.replace(/[[\]]/g, '')}](${to})`),
  },
  { weight: 1, arbitrary: url.map((to) => `[ref]: ${to}\n\n[a link][ref]`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{1 + 1}',
      '{"text"}',
      '{/* a note */}',
      '{props.x}',
      '{foo}',
      '{',
      '}',
      '{[1, 2]}',
    ),
  },
  {
    weight: 1,
    arbitrary: anyText.map((code) => `\`\`\`python\n${code.replaceAll('`', '')}\n\`\`\``),
  },
  { weight: 1, arbitrary: anyText.map((code) => `\`${code.replaceAll('`', '')}\``) },
  // Math: whatever text between dollar signs, TeX that Temml refuses or
  // would reach outside the formula with, and dollar amounts in prose.
  {
    weight: 1,
    arbitrary: fc.oneof(
      anyText.map((tex) => `$${tex}$`),
      anyText.map((tex) => `$$\n${tex}\n$$`),
      fc.constantFrom(
        '$\\frac{1}{2}$',
        '$\\fracc{1}{2}$',
        '$x^$',
        '$\\includegraphics{/etc/passwd}$',
        '$\\text{<script>alert(1)</script>}$',
        '$\\def\\a{\\a\\a}\\a$',
        '$$\\begin{aligned} a &= b \\end{align}$$',
        'costs $5 and $10',
      ),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'import x from "./x.js"',
      'import fs from "node:fs"',
      'export const a = 1',
      'export default function () {}',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '# Heading',
      '## Approach',
      '> quote',
      '- item',
      '1. item',
      '---',
      '| a | b |\n| - | - |\n| 1 | 2 |',
      '<!-- comment -->',
      '&nbsp;',
      '&#0;',
      '\\',
    ),
  },
);

/** An MDX body: fragments on lines and in paragraphs. */
export const mdxBody: fc.Arbitrary<string> = fc
  .array(fc.tuple(fragment, fc.constantFrom(' ', '\n', '\n\n')), { maxLength: 8 })
  .map((parts) => parts.map(([text, gap]) => `${text}${gap}`).join(''));
