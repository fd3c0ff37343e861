import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { slugifyLabel } from '../../src/schemas/slugs.ts';
import { buildSite, listFiles, projectRoot, type BuildResult } from '../helpers/build.ts';
import { childText, elementsNamed, parseXml } from '../helpers/xml.ts';

/**
 * The feeds of a portfolio whose every text field holds hostile but valid
 * text (quotes, <, >, &, an entity, ]]>, a comment and a script end, emoji,
 * RTL text, U+2028): each is read back with a real parser (saxes for XML,
 * JSON.parse for JSON) and says exactly what was written.
 */

const SITE = 'https://ada.example.com';
const content = path.join(projectRoot, 'tests/fixtures/hostile-text/content');

/** What the fixture's files say, read with a YAML parser of their own. */
const profile = parseYaml(readFileSync(path.join(content, 'profile.yaml'), 'utf8')) as {
  name: string;
  headline: string;
  location: string;
  bio: string;
  links: { label: string; url: string }[];
  skills: { group: string; items: string[] }[];
  education: { school: string; degree: string }[];
  experience: { organization: string; role: string; summary: string }[];
};
const studySource = readFileSync(path.join(content, 'case-studies/hostile-text.mdx'), 'utf8');
const study = parseYaml(studySource.split('\n---\n')[0]?.replace(/^---\n/, '') ?? '') as {
  title: string;
  summary: string;
  organization: string;
  role: string;
  tags: string[];
  skills: string[];
  impact: string[];
  metrics: { name: string }[];
};

function read(outDir: string, file: string): string {
  return readFileSync(path.join(outDir, file), 'utf8');
}

describe('the feeds of a portfolio with hostile text in every field', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'hostile-text', env: { SITE_URL: SITE } });
  });

  it('builds', () => {
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.code).toBe(0);
  });

  it('writes an RSS feed that is well-formed XML and says the text back exactly', () => {
    const rss = parseXml(read(result.outDir, 'rss.xml'));
    const [channel] = elementsNamed(rss, 'channel');
    expect(channel && childText(channel, 'title')).toBe(profile.name);
    expect(channel && childText(channel, 'description')).toBe(
      `Case studies by ${profile.name}: ${profile.headline}`,
    );
    const items = elementsNamed(rss, 'item');
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item && childText(item, 'title')).toBe(study.title);
    expect(item && childText(item, 'description')).toBe(study.summary);
    expect(item && childText(item, 'link')).toBe(`${SITE}/case-studies/hostile-text/`);
    expect(item && elementsNamed(item, 'category').map((category) => category.text)).toEqual(
      study.tags,
    );
  });

  it('writes sitemaps that are well-formed XML, listing the tag and skill pages by their slugs', () => {
    const index = parseXml(read(result.outDir, 'sitemap-index.xml'));
    const sitemaps = elementsNamed(index, 'loc').map((loc) => loc.text);
    expect(sitemaps).toEqual([`${SITE}/sitemap-0.xml`]);
    const urls = elementsNamed(parseXml(read(result.outDir, 'sitemap-0.xml')), 'loc').map(
      (loc) => loc.text,
    );
    const labelPages = [
      ...study.skills.map((skill) => `${SITE}/skills/${slugifyLabel(skill)}/`),
      ...study.tags.map((tag) => `${SITE}/tags/${slugifyLabel(tag)}/`),
    ];
    expect(urls.filter((url) => /\/(tags|skills)\//.test(url)).sort()).toEqual(labelPages.sort());
    for (const url of urls) expect(new URL(url).href).toBe(url);
  });

  it('writes a JSON Resume that parses and says the text back exactly', () => {
    const resume = JSON.parse(read(result.outDir, 'resume.json')) as Record<string, any>;
    expect(resume['basics']).toMatchObject({
      name: profile.name,
      label: profile.headline,
      location: { city: profile.location },
      profiles: [{ network: profile.links[0]?.label, url: profile.links[0]?.url }],
    });
    // The bio is inline Markdown, read as text: its entity is decoded, its line separator a space.
    expect(resume['basics'].summary).toBe(
      profile.bio.replace('&amp;', '&').replace(/\s*\u2028/, ' '),
    );
    expect(resume['work']).toMatchObject([
      {
        name: profile.experience[0]?.organization,
        position: profile.experience[0]?.role,
        summary: profile.experience[0]?.summary,
      },
    ]);
    expect(resume['education']).toMatchObject([
      { institution: profile.education[0]?.school, studyType: profile.education[0]?.degree },
    ]);
    expect(resume['skills']).toEqual([
      { name: profile.skills[0]?.group, keywords: profile.skills[0]?.items },
    ]);
    const [project] = resume['projects'] as Record<string, any>[];
    expect(project).toMatchObject({
      name: study.title,
      description: study.summary,
      keywords: study.skills,
      roles: [study.role],
      entity: study.organization,
    });
    expect(project?.['highlights'][0]).toContain(study.metrics[0]?.name);
    expect(project?.['highlights'].slice(1)).toEqual(study.impact);
  });

  it('writes JSON-LD that parses on every page and says the text back exactly', () => {
    const blocks = listFiles(result.outDir)
      .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
      .flatMap((file) => {
        const $ = cheerio.load(read(result.outDir, file));
        return $('script[type="application/ld+json"]')
          .toArray()
          .map((script) => {
            const raw = $(script).html() ?? '';
            // Nothing in the block can end the script or open markup.
            expect(raw, file).not.toMatch(/[<>]/);
            return { file, data: JSON.parse(raw) as Record<string, any> };
          });
      });
    const home = blocks.find(({ file }) => file === 'index.html')?.data;
    expect(home?.['@type']).toBe('ProfilePage');
    expect(home?.['mainEntity']).toMatchObject({
      '@type': 'Person',
      name: profile.name,
      // The bio read as text, as /resume.json gives it.
      description: profile.bio.replace('&amp;', '&').replace(/\s*\u2028/, ' '),
      jobTitle: profile.headline,
      homeLocation: { name: profile.location },
      sameAs: [profile.links[0]?.url],
      knowsAbout: profile.skills[0]?.items,
    });
    const article = blocks.find(({ file }) => file === 'case-studies/hostile-text/index.html');
    expect(article?.data).toMatchObject({
      '@type': 'Article',
      headline: study.title,
      description: study.summary,
      keywords: [...study.tags, ...study.skills],
      author: { name: profile.name },
      sourceOrganization: { name: study.organization },
    });
  });
});

describe('parseXml, the feeds tests’ XML parser', () => {
  it('refuses what makes a document not well-formed, as an XML reader would', () => {
    expect(() => parseXml('<a>x\u001by</a>')).toThrow(/disallowed character/);
    expect(() => parseXml('<a>x\u0000y</a>')).toThrow(/disallowed character/);
    expect(() => parseXml('<a>x]]>y</a>')).toThrow(/]]>/);
    expect(() => parseXml('<a>x & y</a>')).toThrow();
    expect(parseXml('<a>x &amp; <![CDATA[<y>]]> \u2028 😀</a>').text).toBe('x & <y> \u2028 😀');
  });
});
