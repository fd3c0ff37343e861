import { describe, expect, it } from 'vitest';
import { readBibtex } from '../../../src/publications/bibtex.ts';
import { formatProblem } from '../../../src/problems/problem.ts';

const FILE = 'content/publications.bib';

/** The problems of a .bib text, as `npm run check` prints them. */
function lines(source: string): string[] {
  return readBibtex(source, FILE).problems.map(formatProblem);
}

describe('readBibtex: what an entry becomes', () => {
  const source = [
    '@string{kdd = "Proceedings of KDD"}',
    '',
    '@inproceedings{lovelace2025churn,',
    '  author    = {Lovelace, Ada and van der Berg, Jan and M{\\"u}ller, Hans and {World Health Organization}},',
    '  title     = {Predicting {Churn} with \\emph{Calibrated} Boosting},',
    '  booktitle = kdd,',
    '  year      = {2025},',
    '  doi       = {https://doi.org/10.1145/3711896.3736001},',
    '  code      = {https://github.com/ada/churn},',
    '}',
    '',
    '@article{scholar, author = {Lovelace, A.}, title = {Audits: $\\alpha<1$ \\& more}, journal = {arXiv preprint arXiv:2406.01234}, year = {2024}}',
    '@misc{poster, author = {Lovelace, Ada}, title = {Intervals}, type = {Poster}, howpublished = {PyData}, date = {2023-06-12}}',
    '@misc{talk, author = {Lovelace, Ada}, title = {Notes}, howpublished = {Invited talk at PyCon}, year = 2023}',
    '@phdthesis{thesis, author = {Lovelace, Ada}, title = {Boosting}, school = {Lisbon}, year = 2026}',
    '@misc{eprint, author = {Lovelace, Ada}, title = {Pre}, eprint = {2401.00001v2}, archivePrefix = {arXiv}, year = 2024}',
  ].join('\n');
  const { publications, problems } = readBibtex(source, FILE);
  const byKey = new Map(publications.map((publication) => [publication.key, publication]));

  it('reads every entry, with no problem', () => {
    expect(problems).toEqual([]);
    expect([...byKey.keys()]).toEqual([
      'lovelace2025churn',
      'scholar',
      'poster',
      'talk',
      'thesis',
      'eprint',
    ]);
  });

  it('reads LaTeX as text and names as a reader writes them', () => {
    const paper = byKey.get('lovelace2025churn');
    expect(paper?.title).toBe('Predicting Churn with Calibrated Boosting');
    expect(paper?.authors.map((author) => author.name)).toEqual([
      'Ada Lovelace',
      'Jan van der Berg',
      'Hans Müller',
      'World Health Organization',
    ]);
    expect(paper?.authors[1]).toMatchObject({ family: 'Berg', given: 'Jan' });
    expect(paper?.venue).toBe('Proceedings of KDD');
    // A resolver written before the DOI is dropped.
    expect(paper?.doi).toBe('10.1145/3711896.3736001');
    expect(paper?.code).toBe('https://github.com/ada/churn');
    // A `<` that starts no tag is text, not markup dropped with what follows.
    expect(byKey.get('scholar')?.title).toBe('Audits: α<1 & more');
    const formula = readBibtex(
      '@article{f, author = {A, B}, year = 2020, title = {Bounds: $x<y>z$ and \\emph{more}}}',
      FILE,
    );
    expect(formula.publications[0]?.title).toBe('Bounds: x<y>z and more');
  });

  it('tells papers, preprints, posters, talks and theses apart', () => {
    expect(Object.fromEntries(publications.map((p) => [p.key, p.type]))).toEqual({
      lovelace2025churn: 'paper',
      scholar: 'preprint',
      poster: 'poster',
      talk: 'talk',
      thesis: 'thesis',
      eprint: 'preprint',
    });
    expect(byKey.get('scholar')?.arxiv).toBe('2406.01234');
    expect(byKey.get('eprint')?.arxiv).toBe('2401.00001v2');
    expect(byKey.get('poster')?.year).toBe(2023);
    expect(byKey.get('thesis')?.venue).toBe('Lisbon');
  });

  it('keeps each entry’s line, and writes the BibTeX to copy from what was read', () => {
    const paper = byKey.get('lovelace2025churn');
    expect(paper?.source).toEqual({ file: FILE, line: 3 });
    expect(paper?.bibtex).toBe(
      [
        '@inproceedings{lovelace2025churn,',
        '  author = {Ada Lovelace and Jan van der Berg and Hans Müller and World Health Organization},',
        '  title = {{Predicting Churn with Calibrated Boosting}},',
        '  booktitle = {Proceedings of KDD},',
        '  year = {2025},',
        '  doi = {10.1145/3711896.3736001},',
        '  code = {https://github.com/ada/churn},',
        '}',
      ].join('\n'),
    );
    expect(byKey.get('eprint')?.source.line).toBe(16);
  });

  it('keeps the fields a citation needs in the BibTeX to copy, as BibTeX writes them', () => {
    const read = readBibtex(
      [
        '@inproceedings{z,',
        '  author = {Lovelace, Ada}, title = {T}, booktitle = {Proc. KDD},',
        '  editor = {Doe, Jane and Roe, R.}, volume = {12}, pages = {187--203},',
        '  publisher = {Springer}, address = {Cham}, isbn = {978-3-16-148410-0},',
        '  month = sep, year = {2020},',
        '  abstract = {Long abstract.}, keywords = {a, b}, urldate = {2024-01-02},',
        '}',
      ].join('\n'),
      FILE,
    );
    expect(read.problems).toEqual([]);
    const bibtex = read.publications[0]?.bibtex ?? '';
    expect(bibtex).toBe(
      [
        '@inproceedings{z,',
        '  author = {Ada Lovelace},',
        '  title = {{T}},',
        '  booktitle = {Proc. KDD},',
        '  editor = {Jane Doe and R. Roe},',
        '  volume = {12},',
        '  pages = {187--203},',
        '  publisher = {Springer},',
        '  address = {Cham},',
        '  isbn = {978-3-16-148410-0},',
        '  year = {2020},',
        '  month = sep,',
        '}',
      ].join('\n'),
    );
    // What a reader copies reads back as the same publication.
    expect(readBibtex(bibtex, FILE).publications[0]).toMatchObject({
      title: 'T',
      venue: 'Proc. KDD',
      year: 2020,
    });
  });

  it('leaves notes, file paths and comments out of the BibTeX to copy', () => {
    const read = readBibtex(
      [
        '@article{a,',
        '  author = {Lovelace, Ada}, title = {T}, year = 2020,',
        '  file = {Full Text:/Users/ada/Zotero/storage/ABCD/paper.pdf:application/pdf},',
        '  annote = {PRIVATE reviewer notes},',
        '  note = {ESC \u001b here},',
        '}',
        '% PRIVATE: under review, do not share',
      ].join('\n'),
      FILE,
    );
    expect(read.problems).toEqual([]);
    expect(read.publications[0]?.bibtex).toBe(
      '@article{a,\n  author = {Ada Lovelace},\n  title = {{T}},\n  year = {2020},\n}',
    );
  });
});

describe('readBibtex: problems, every one in one run, at its line', () => {
  it('reports a broken entry at its own line and reads the entries after it', () => {
    const source = [
      '@article{good, author = {A, B}, title = {T}, year = 2020}',
      '',
      '@article{broken,',
      '  title = {Unclosed {brace,',
      '  year = 2024',
      '}',
      '',
      '@article{after, author = {A, B}, title = {After}, year = 2021}',
    ].join('\n');
    const read = readBibtex(source, FILE);
    expect(read.problems.map(formatProblem)).toEqual([
      'content/publications.bib:3: @article{broken}: is not valid BibTeX (unterminated brace-value); check that every { has its }, every " its closing ", and the fields are separated by commas',
    ]);
    expect(read.publications.map((publication) => publication.key)).toEqual(['good', 'after']);
  });

  it('names the missing field with what to write, at the entry', () => {
    expect(
      lines('% mine\n@article{noyear,\n  author = {Lovelace, Ada},\n  title = {T}\n}'),
    ).toEqual([
      'content/publications.bib:2: noyear.year: missing; add year = {2025} (or date = {2025-06-12})',
    ]);
    expect(lines('@article{bare, year = 2020}')).toEqual([
      'content/publications.bib:1: bare.title: missing; add title = {…}',
      'content/publications.bib:1: bare.author: missing; add author = {Lovelace, Ada and …}',
    ]);
  });

  it('refuses links off the allow-list and malformed identifiers at their field’s line', () => {
    const source = [
      '@article{bad,',
      '  author = {Lovelace, Ada},',
      '  title = {T},',
      '  year = 2020,',
      '  url = {javascript:alert(1)},',
      '  doi = {11.2/x},',
      '  eprint = {12345}, archiveprefix = {arXiv},',
      '}',
    ].join('\n');
    expect(lines(source)).toEqual([
      'content/publications.bib:6: bad.doi: expected a DOI such as 10.1145/3292500.3330701, got "11.2/x"',
      'content/publications.bib:7: bad.eprint: expected an arXiv identifier such as 2406.01234 (or cs/0112017 for older papers), got "12345"',
      'content/publications.bib:5: bad.url: only https and http links are allowed, got "javascript:alert(1)"',
    ]);
  });

  it('reports a key written twice at the second entry, and keeps the first', () => {
    const source =
      '@article{same, author={A, B}, title={One}, year=2020}\n\n@article{same, author={A, B}, title={Two}, year=2021}';
    const read = readBibtex(source, FILE);
    expect(read.problems.map(formatProblem)).toEqual([
      'content/publications.bib:3: same: duplicate key: line 1 has an entry with the same key; give each entry its own key',
    ]);
    expect(read.publications.map((publication) => publication.title)).toEqual(['One']);
  });

  it('takes keys differing only in case for the same key, as BibTeX does', () => {
    expect(
      lines(
        '@article{Dup, author={A, B}, title={One}, year=2020}\n@article{dup, author={A, B}, title={Two}, year=2021}',
      ),
    ).toEqual([
      'content/publications.bib:2: dup: duplicate key: line 1 has an entry with the same key ("Dup": BibTeX tells no case apart); give each entry its own key',
    ]);
  });

  it('reports an undefined @string macro', () => {
    expect(lines('@article{m, author={A, B}, title={T}, journal = nomacro, year=2020}')).toEqual([
      expect.stringMatching(
        /^content\/publications\.bib:1: .*uses the @string "nomacro", which the file does not define/,
      ),
    ]);
  });

  it('keeps a message short when the library quotes a whole entry', () => {
    const deep = `@article{deep, title = {${'{'.repeat(7_000)}x${'}'.repeat(7_000)}}, author = {A, B}, year = 2020}`;
    expect(lines(deep)).toEqual([
      'content/publications.bib:1: @article{deep}: nests braces or formulas too deeply to read; write the field without so many levels of { }',
    ]);
  });

  it('refuses an entry over 16 KB at its line, and reads the entries around it', () => {
    const source = [
      '@article{before, author = {A, B}, title = {Before}, year = 2020}',
      `@article{huge, author = {A, B}, title = {T}, year = 2020,\n  abstract = {${'lorem ipsum '.repeat(2_000)}}}`,
      '@article{after, author = {A, B}, title = {After}, year = 2021}',
    ].join('\n');
    const read = readBibtex(source, FILE);
    expect(read.problems.map(formatProblem)).toEqual([
      'content/publications.bib:2: @article{huge}: is 24 KB, over the 16 KB limit for one entry; an abstract, note or file list pasted whole is the usual cause: remove that field',
    ]);
    expect(
      read.publications.map((publication) => [publication.key, publication.source.line]),
    ).toEqual([
      ['before', 1],
      ['after', 4],
    ]);
  });

  it('reports every problem of a file with more than a call can take', () => {
    const source = Array.from({ length: 50_000 }, (_, index) => `@misc{a${index},}`).join('\n');
    const read = readBibtex(source, FILE);
    // title, author and year of each: 150,000, past the arguments a spread call takes.
    expect(read.problems).toHaveLength(150_000);
    expect(formatProblem(read.problems.at(-1)!)).toBe(
      'content/publications.bib:50000: a49999.year: missing; add year = {2025} (or date = {2025-06-12})',
    );
  });

  it('asks for a year that is a year, and reads `and others` as et al.', () => {
    expect(lines('@article{a, author = {A, B}, title = {T}, year = {In press}}')).toEqual([
      'content/publications.bib:1: a.year: expected the year it appeared, got "In press"; write year = {2025} (or date = {2025-06-12})',
    ]);
    expect(lines('@article{a, author = {A, B}, title = {T}, year = {20251}}')).toHaveLength(1);
    const read = readBibtex(
      '@article{a, author = {Lovelace, Ada and others}, title = {T}, year = 2020}',
      FILE,
    );
    expect(read.publications[0]?.authors.map((author) => author.name)).toEqual(['Ada Lovelace']);
    expect(read.publications[0]?.moreAuthors).toBe(true);
    expect(read.publications[0]?.bibtex).toContain('author = {Ada Lovelace and others}');
  });

  it('refuses a key no case study could name', () => {
    expect(lines('@article{key;x, author = {A, B}, title = {T}, year = 2020}')).toEqual([
      'content/publications.bib:1: @article{key;x}: is not a citation key a case study can name: use letters, digits and : - _ . / + only, at most 100 characters (lovelace2025churn)',
    ]);
  });

  it('says what to check when the library only says a token did not match', () => {
    expect(lines('@article{key<b>, author = {A, B}, title = {T}, year = 2020}')).toEqual([
      'content/publications.bib:1: @article{key<b>}: is not valid BibTeX; check the entry type and key (letters, digits and : - _ . / + only), that every { has its }, every " its closing ", and the fields are separated by commas',
    ]);
  });

  it('never throws, whatever the text', () => {
    for (const text of [
      '',
      '@',
      '@article{',
      '}}}}{{{',
      '@article{x, title = "unterminated}',
      '\u0000\uFFFF',
      'a'.repeat(10_000),
    ]) {
      expect(() => readBibtex(text, FILE)).not.toThrow();
    }
  });
});
