import type { PublicationData } from '../schemas/publication.ts';
import { writeBibtex } from './bibtex-writer.ts';
import { authorFromText, type Publication } from './publication.ts';

/**
 * A `publications:` entry of profile.yaml, as validated, in the form every
 * page shows; `line` is the entry's line in `file`.
 */
export function profilePublication(data: PublicationData, file: string, line: number): Publication {
  return {
    key: data.key,
    type: data.type,
    title: data.title,
    authors: data.authors.map(authorFromText),
    year: data.year,
    venue: data.venue,
    doi: data.doi,
    arxiv: data.arxiv,
    pdf: data.pdf,
    code: data.code,
    slides: data.slides,
    url: data.url,
    moreAuthors: false,
    bibtex: writeBibtex(data),
    source: { file, line },
  };
}
