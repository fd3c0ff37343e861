import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  listFiles,
  loadPage,
  projectRoot,
  text,
  textOf,
  type BuildResult,
} from '../helpers/build.ts';
import { jsonResumeErrors } from '../helpers/json-resume.ts';

const MINUS = '\u2212';

interface JsonResumeDocument {
  basics: Record<string, unknown>;
  work: Record<string, unknown>[];
  education: Record<string, unknown>[];
  skills: Record<string, unknown>[];
  projects: { name: string; highlights: string[]; url?: string; [key: string]: unknown }[];
  meta: Record<string, unknown>;
}

function readJson(outDir: string, file: string): JsonResumeDocument {
  return JSON.parse(readFileSync(path.join(outDir, file), 'utf8')) as JsonResumeDocument;
}

/** Titles and one-line results on the résumé of the `valid` fixture, in site order. */
const PROJECTS = [
  {
    title: 'Predicting subscriber churn 6 weeks ahead',
    line: 'ROC AUC 0.91 (+0.13 vs 0.78 baseline, better)',
  },
  {
    title: 'Pricing dashboard for the Données team',
    line: `Reporting time 0.5 h (${MINUS}5.5 h vs 6 h baseline, better)`,
  },
  {
    title: '<script>window.__xss=1</script> Hostile & <b>bold</b>',
    line: `<em>metric</em> 1 <s> (${MINUS}1 <s> vs 2 <s> baseline, worse)`,
  },
  {
    title: 'Every chart Casefolio draws',
    line: 'Accuracy 94.5% (+4.4 pp vs 90.1% baseline, better)',
  },
  {
    title: 'Tumour classification from the experiment files',
    line: 'Accuracy 0.986 (+0.357 vs 0.629 baseline, better)',
  },
];

describe('the résumé of a full profile', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'valid' });
  });

  it('builds /resume/, /resume.json and /resume.pdf', () => {
    expect(result.code, result.stderr).toBe(0);
    const files = listFiles(result.outDir);
    expect(files).toContain('resume/index.html');
    expect(files).toContain('resume.json');
    expect(files).toContain('resume.pdf');
  });

  it('heads the page with name, headline, location, email and links spelled out', () => {
    const $ = loadPage(result.outDir, 'resume/');
    expect($('title').text()).toBe('Résumé · Ada Fixture');
    expect($('.resume h1').text()).toBe('Ada Fixture');
    expect(text($, '.resume-header__headline')).toBe('Data science intern · MS Statistics');
    const contact = $('.resume-header__contact li')
      .map((_, li) => `${textOf($(li))} ${$(li).find('a').attr('href') ?? ''}`.trim())
      .get();
    // The "Email me" mailto link repeats the email, so it is shown once.
    expect(contact).toEqual([
      'Lisbon, Portugal',
      'ada@example.com mailto:ada@example.com',
      'github.com/ada-fixture https://github.com/ada-fixture',
    ]);
    expect(text($, '.resume-header__availability')).toBe('Open to full-time roles from June 2027');
  });

  it('lists every published case study in site order with organization, role, period and its one-line result', () => {
    const $ = loadPage(result.outDir, 'resume/');
    const section = $('section[aria-labelledby="resume-projects"]');
    expect(textOf(section.find('h2'))).toBe('Selected projects');
    const entries = section.find('li.entry');
    expect(entries.map((_, li) => textOf($(li).find('h3'))).get()).toEqual(
      PROJECTS.map((project) => project.title),
    );
    expect(entries.map((_, li) => textOf($(li).find('.resume__result'))).get()).toEqual(
      PROJECTS.map((project) => project.line),
    );
    // Same order as the home page, featured first; nothing else (no ignored or draft file).
    const home = loadPage(result.outDir, '');
    expect(
      home('.card__title')
        .map((_, h) => home(h).text().trim())
        .get(),
    ).toEqual(PROJECTS.map((project) => project.title));
    expect(textOf(entries.first())).toBe(
      'Predicting subscriber churn 6 weeks ahead Jun 2025 – Aug 2025 Acme Telecom · Data Science Intern ROC AUC 0.91 (+0.13 vs 0.78 baseline, better)',
    );
    expect(textOf(entries.eq(1))).toContain('Jan 2024 – Present');
    expect(entries.first().find('h3 a').attr('href')).toBe('/case-studies/full-study/');
    expect(entries.first().find('.resume__result strong').text()).toBe('0.91');
    // Content is text, never markup.
    expect($('.resume script, .resume iframe, .resume b, .resume em')).toHaveLength(0);
    expect($.html()).not.toContain('this is broken');
  });

  it('shows experience, education and grouped skills', () => {
    const $ = loadPage(result.outDir, 'resume/');
    expect(text($, 'section[aria-labelledby="resume-experience"]')).toBe(
      'Experience Data Science Intern · Acme Telecom Jun 2025 – Aug 2025 Built a churn model.',
    );
    // An education without a finished end reads as ongoing.
    expect(text($, 'section[aria-labelledby="resume-education"]')).toBe(
      'Education MS Statistics · Fixture University Sep 2025 – Present',
    );
    const skills = $('section[aria-labelledby="resume-skills"] .resume__skills > div')
      .map((_, div) => `${$(div).find('dt').text()}: ${$(div).find('dd').text()}`)
      .get();
    expect(skills).toEqual(['Languages: Python, SQL']);
  });

  it('links the PDF and the JSON Resume from the résumé, and the PDF from the home profile', () => {
    const $ = loadPage(result.outDir, 'resume/');
    const downloads = $('.resume-downloads a')
      .map((_, a) => `${textOf($(a))} ${$(a).attr('href')}`)
      .get();
    expect(downloads).toEqual(['PDF résumé /resume.pdf', 'JSON Resume /resume.json']);
    const home = loadPage(result.outDir, '');
    expect(home('.profile__resume a').attr('href')).toBe('/resume.pdf');
  });

  it('publishes the profile PDF byte for byte', () => {
    const published = readFileSync(path.join(result.outDir, 'resume.pdf'));
    const source = readFileSync(path.join(projectRoot, 'tests/fixtures/valid/content/resume.pdf'));
    expect(published.equals(source)).toBe(true);
    expect(published.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('writes /resume.json that the published JSON Resume schema accepts', () => {
    const resume = readJson(result.outDir, 'resume.json');
    expect(jsonResumeErrors(resume)).toEqual([]);
    expect(resume.basics).toEqual({
      name: 'Ada Fixture',
      label: 'Data science intern · MS Statistics',
      email: 'ada@example.com',
      summary: 'I build careful models. Read my notes. <script>window.__bio=1</script>',
      location: { city: 'Lisbon', region: 'Portugal' },
      profiles: [{ network: 'GitHub', url: 'https://github.com/ada-fixture' }],
    });
    expect(resume.work).toEqual([
      {
        name: 'Acme Telecom',
        position: 'Data Science Intern',
        startDate: '2025-06',
        endDate: '2025-08',
        summary: 'Built a churn model.',
      },
    ]);
    expect(resume.education).toEqual([
      {
        institution: 'Fixture University',
        studyType: 'MS',
        area: 'Statistics',
        startDate: '2025-09',
      },
    ]);
    expect(resume.skills).toEqual([{ name: 'Languages', keywords: ['Python', 'SQL'] }]);
    expect(resume.projects.map((project) => [project.name, project.highlights[0]])).toEqual(
      PROJECTS.map((project) => [project.title, project.line]),
    );
    expect(resume.projects[0]).toMatchObject({
      description:
        'A gradient-boosted churn model lifted ROC AUC from 0.78 to 0.91 and now drives the weekly retention list.',
      startDate: '2025-06',
      endDate: '2025-08',
      roles: ['Data Science Intern'],
      entity: 'Acme Telecom',
      keywords: ['Python', 'XGBoost', 'SQL', 'Airflow', 'C++', 'C#'],
    });
    // No site configured: no URLs that would only make sense relative to the page.
    expect(resume.projects.some((project) => 'url' in project)).toBe(false);
    expect(resume.meta).toEqual({ version: 'v1.0.0' });
  });
});

describe('the résumé with a site address and base path', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({
      fixture: 'valid',
      env: { SITE_URL: 'https://ada.example.com', BASE_PATH: '/portfolio/' },
    });
  });

  it('links under the base path and gives /resume.json absolute URLs', () => {
    expect(result.code, result.stderr).toBe(0);
    const $ = loadPage(result.outDir, 'resume/');
    expect(
      $('.resume-downloads a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/portfolio/resume.pdf', '/portfolio/resume.json']);
    expect($('.resume .entry h3 a').first().attr('href')).toBe(
      '/portfolio/case-studies/full-study/',
    );
    expect(loadPage(result.outDir, '')('.profile__resume a').attr('href')).toBe(
      '/portfolio/resume.pdf',
    );
    expect(listFiles(result.outDir)).toContain('resume.pdf');

    const resume = readJson(result.outDir, 'resume.json');
    expect(jsonResumeErrors(resume)).toEqual([]);
    expect(resume.basics['url']).toBe('https://ada.example.com/portfolio/');
    expect(resume.projects[0]?.url).toBe(
      'https://ada.example.com/portfolio/case-studies/full-study/',
    );
    expect(resume.meta).toEqual({
      version: 'v1.0.0',
      canonical: 'https://ada.example.com/portfolio/resume.json',
    });
  });
});

describe('the résumé of a profile without a PDF, with drafts', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'drafts' });
  });

  it('publishes no PDF and links none', () => {
    expect(result.code, result.stderr).toBe(0);
    const files = listFiles(result.outDir);
    expect(files.filter((file) => file.endsWith('.pdf'))).toEqual([]);
    const $ = loadPage(result.outDir, 'resume/');
    expect($('a[href$=".pdf"]')).toHaveLength(0);
    expect(
      $('.resume-downloads a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/resume.json']);
    expect(loadPage(result.outDir, '')('.profile__resume')).toHaveLength(0);
  });

  it('leaves drafts off the page and out of the JSON, and sections without content out', () => {
    const $ = loadPage(result.outDir, 'resume/');
    expect(
      $('.resume .entry h3')
        .map((_, h) => textOf($(h)))
        .get(),
    ).toEqual(['A published study']);
    const resume = readJson(result.outDir, 'resume.json');
    expect(jsonResumeErrors(resume)).toEqual([]);
    expect(resume.projects.map((project) => project.name)).toEqual(['A published study']);
    // The profile has no experience, education or skills: no empty headings.
    expect(
      $('.resume h2')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(['Selected projects']);
    expect(resume.work).toEqual([]);
  });
});
