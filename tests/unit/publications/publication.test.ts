import { describe, expect, it } from 'vitest';
import { readBibtex } from '../../../src/publications/bibtex.ts';
import { madeUpKey, writeBibtex } from '../../../src/publications/bibtex-writer.ts';
import {
  authorFromText,
  isProfileAuthor,
  publicationLinks,
  sortPublications,
  type Publication,
} from '../../../src/publications/publication.ts';
import { publicationSchema } from '../../../src/schemas/publication.ts';

function publication(fields: Partial<Publication>): Publication {
  return {
    key: undefined,
    type: 'paper',
    title: 'T',
    authors: [],
    year: 2025,
    venue: undefined,
    doi: undefined,
    arxiv: undefined,
    pdf: undefined,
    code: undefined,
    slides: undefined,
    url: undefined,
    moreAuthors: false,
    bibtex: '',
    source: { file: 'content/publications.bib', line: 1 },
    ...fields,
  };
}

describe('isProfileAuthor: the owner’s name in bold', () => {
  const owner = 'Ada Lovelace';
  it.each([
    [{ name: 'Ada Lovelace', family: 'Lovelace', given: 'Ada' }, true],
    [{ name: 'A. Lovelace', family: 'Lovelace', given: 'A.' }, true],
    [{ name: 'A. M. Lovelace', family: 'Lovelace', given: 'A. M.' }, true],
    [{ name: 'ada lovelace', family: 'lovelace', given: 'ada' }, true],
    [{ name: 'Byron Lovelace', family: 'Lovelace', given: 'Byron' }, false],
    [{ name: 'B. Lovelace', family: 'Lovelace', given: 'B.' }, false],
    [{ name: 'Ada Byron', family: 'Byron', given: 'Ada' }, false],
    [{ name: 'Lovelace Lab', family: undefined, given: undefined }, false],
  ])('%o: %s', (author, expected) => {
    expect(isProfileAuthor(author, owner)).toBe(expected);
  });

  it('compares names without accents or case', () => {
    expect(isProfileAuthor(authorFromText('Jose Muller'), 'José Müller')).toBe(true);
    expect(isProfileAuthor(authorFromText('Müller, J.'), 'José Müller')).toBe(true);
  });

  it('reads a name with a comma as family name first', () => {
    expect(authorFromText('van der Berg, Jan')).toEqual({
      name: 'Jan van der Berg',
      family: 'van der Berg',
      given: 'Jan',
    });
    expect(authorFromText('Ada Lovelace')).toEqual({
      name: 'Ada Lovelace',
      family: 'Lovelace',
      given: 'Ada',
    });
  });
});

describe('sortPublications', () => {
  it('lists the newest year first, then papers before preprints, theses, posters and talks', () => {
    const sorted = sortPublications([
      publication({ title: 'talk 2025', type: 'talk' }),
      publication({ title: 'paper 2024', year: 2024 }),
      publication({ title: 'poster 2025', type: 'poster' }),
      publication({ title: 'b paper 2025' }),
      publication({ title: 'a paper 2025' }),
      publication({ title: 'thesis 2026', type: 'thesis', year: 2026 }),
      publication({ title: 'preprint 2025', type: 'preprint' }),
    ]);
    expect(sorted.map((entry) => entry.title)).toEqual([
      'thesis 2026',
      'a paper 2025',
      'b paper 2025',
      'preprint 2025',
      'poster 2025',
      'talk 2025',
      'paper 2024',
    ]);
  });
});

describe('publicationLinks', () => {
  it('links the DOI and arXiv pages first, escaping what a path cannot hold', () => {
    const links = publicationLinks(
      publication({
        doi: '10.1002/(SICI)1097-4571#x<y>',
        arxiv: '2406.01234',
        code: 'https://github.com/ada/x',
      }),
    );
    expect(links).toEqual([
      { kind: 'doi', href: 'https://doi.org/10.1002/(SICI)1097-4571%23x%3Cy%3E' },
      { kind: 'arxiv', href: 'https://arxiv.org/abs/2406.01234' },
      { kind: 'code', href: 'https://github.com/ada/x' },
    ]);
  });
});

describe('writeBibtex: a profile.yaml entry as BibTeX to copy', () => {
  it('writes an entry that reads back as the same publication', () => {
    const data = publicationSchema.parse({
      key: 'lovelace2024talk',
      type: 'talk',
      title: 'R&D notes: {braces}, 100% recall, $5 and a_b ~ ^ \\ back',
      authors: ['Ada Lovelace', 'van der Berg, Jan'],
      year: 2024,
      venue: 'PyData Lisbon',
      doi: '10.1234/x_y',
      arxiv: '2406.01234',
      slides: 'https://example.com/slides.pdf',
    });
    const written = writeBibtex(data);
    const read = readBibtex(written, 'x.bib');
    expect(read.problems).toEqual([]);
    expect(read.publications).toHaveLength(1);
    expect(read.publications[0]).toMatchObject({
      key: 'lovelace2024talk',
      type: 'talk',
      title: data.title,
      year: 2024,
      venue: 'PyData Lisbon',
      doi: '10.1234/x_y',
      arxiv: '2406.01234',
    });
    expect(read.publications[0]?.authors.map((author) => author.name)).toEqual([
      'Ada Lovelace',
      'Jan van der Berg',
    ]);
  });

  it('makes up a key from the first author, year and title when none is given', () => {
    expect(
      madeUpKey({ authors: ['José Müller'], year: 2026, title: 'On the calibration of trees' }),
    ).toBe('muller2026calibration');
  });
});
