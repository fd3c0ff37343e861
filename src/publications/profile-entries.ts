import type { PublicationData } from '../schemas/publication.ts';
import { writeBibtex } from './bibtex-writer.ts';
import { authorFromText, publicationFrom, type Publication } from './publication.ts';

/**
 * A `publications:` entry of profile.yaml, as validated, in the form every
 * page shows; `line` is the entry's line in `file`.
 */
export function profilePublication(data: PublicationData, file: string, line: number): Publication {
  return publicationFrom(data, {
    authors: data.authors.map(authorFromText),
    moreAuthors: false,
    bibtex: writeBibtex(data),
    source: { file, line },
  });
}
