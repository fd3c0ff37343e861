import path from 'node:path';
import { checkLocalFile } from '../../files/paths.ts';
import { IMAGE_EXTENSIONS, isImagePath } from '../../files/image-types.ts';
import { isIgnoredName } from '../../files/walk.ts';
import { readFileWithin } from '../../files/read.ts';
import { MAX_DATA_FILE_BYTES, megabytes } from '../../files/size-limit.ts';
import { activeSvgMessage } from '../../notebooks/images.ts';

/**
 * The files a case study's body makes the build read, checked as the build
 * will read them, so a path the build cannot follow is a line of `npm run
 * check` and never an error of Vite's or Astro's: a Markdown image (which
 * Astro's MDX compiler turns into an import of the file) and `<Figure>`'s
 * image (which must be one of those `virtual:casefolio/images` bundles).
 */

/** Where a body's paths are resolved. */
export interface LocalFilesContext {
  /** Absolute path of the MDX file. */
  mdxFile: string;
  contentDir: string;
}

/**
 * A path to an image in content (a cover, an avatar, a Markdown image):
 * inside content/, present, and an image by its name. Returns the problem,
 * or undefined when the path is fine.
 */
export function imageFileProblem(
  written: string,
  fromFile: string,
  contentDir: string,
): string | undefined {
  const problem = checkLocalFile(written, fromFile, contentDir);
  if (problem) return problem;
  if (!isImagePath(written)) {
    return `expected an image (${IMAGE_EXTENSIONS.join(', ')}), got "${written}"`;
  }
  return /\.svg$/i.test(written)
    ? activeSvgProblem(written, path.resolve(path.dirname(fromFile), written))
    : undefined;
}

/**
 * An SVG is published as it is, at an address of the site: opened on its
 * own, a `<script>` or handler in it runs there, outside every page's CSP.
 * One that holds anything that would run or load is refused, in the words
 * used for an SVG beside a notebook (notebooks/images.ts).
 */
function activeSvgProblem(written: string, absolute: string): string | undefined {
  const read = readFileWithin(
    absolute,
    MAX_DATA_FILE_BYTES,
    (bytes) =>
      `is ${megabytes(bytes)}, over the ${MAX_DATA_FILE_BYTES / 1024 / 1024} MB limit for an SVG; simplify it or export a PNG`,
  );
  if (!read.ok) return `"${written}" ${read.message}`;
  const active = activeSvgMessage(read.bytes.toString('utf8'));
  return active === undefined ? undefined : `"${written}" ${active}`;
}

/** A Markdown image's address as the MDX compiler reads it. */
type ImageAddress =
  { kind: 'local'; path: string } | { kind: 'other' } | { kind: 'undecodable'; problem: string };

/**
 * How Astro's MDX compiler reads `![alt](url)` (@astrojs/markdown-satteri's
 * collect-images step): the URL is decoded with `decodeURI`; a full URL is a
 * remote image and a path starting with `/` one served from public/, both
 * left as links; anything else is a file beside the MDX file, imported.
 */
function markdownImageAddress(url: string): ImageAddress {
  if (url === '') return { kind: 'other' };
  let decoded: string;
  try {
    decoded = decodeURI(url);
  } catch {
    return {
      kind: 'undecodable',
      problem: `"${url}" is not a path the build can read: a % must begin an escape such as %20; write the file's name as it is`,
    };
  }
  if (URL.canParse(decoded) || decoded.startsWith('/')) return { kind: 'other' };
  return { kind: 'local', path: decoded };
}

/** The file a Markdown image makes the build import, absolute; undefined when it imports none. */
export function markdownImageFile(url: string, mdxFile: string): string | undefined {
  const address = markdownImageAddress(url);
  return address.kind === 'local' ? path.resolve(path.dirname(mdxFile), address.path) : undefined;
}

/** The problem with a Markdown image's file, or undefined when the build can import it. */
export function markdownImageProblem(url: string, context: LocalFilesContext): string | undefined {
  const address = markdownImageAddress(url);
  if (address.kind === 'undecodable') return `image: ${address.problem}`;
  if (address.kind === 'other') return undefined;
  const problem = imageFileProblem(address.path, context.mdxFile, context.contentDir);
  if (!problem) return undefined;
  return problem.startsWith('expected an image')
    ? `image: ${problem}; link to other files with [text](${url})`
    : `image: ${problem}`;
}

/**
 * Why `<Figure src>` names an image the build does not bundle, or undefined:
 * `virtual:casefolio/images` holds every image under content/ but those under
 * a name the walk passes over (`_` or `.`) and, in a production build, those
 * in a draft's folder. The path itself has been checked (`imageFileProblem`).
 */
export function unbundledFigureProblem(
  written: string,
  context: LocalFilesContext,
): string | undefined {
  const resolved = path.resolve(path.dirname(context.mdxFile), written);
  const ignored = path
    .relative(context.contentDir, path.dirname(resolved))
    .split(path.sep)
    .find((name) => name !== '' && isIgnoredName(name));
  if (ignored !== undefined) {
    return `"${written}" is in "${ignored}", a folder Casefolio passes over (its name starts with _ or .); move the image out of it`;
  }
  if (isIgnoredName(path.basename(resolved))) {
    return `"${written}" is a file Casefolio passes over (its name starts with _ or .); rename it`;
  }
  // A file in a draft's folder is the draft-file lint's (content/lints.ts).
  return undefined;
}
