import { describe, expect, it } from 'vitest';
import { serializeDataIsland } from '../../../src/site/data-island.ts';
import {
  absoluteUrl,
  articleJsonLd,
  firstDay,
  personId,
  profilePageJsonLd,
  type ArticleInput,
  type PersonInput,
} from '../../../src/seo/json-ld.ts';

const profile: PersonInput = {
  name: 'Ada Fixture',
  headline: 'Data science intern · MS Statistics',
  email: 'ada@example.com',
  location: 'Lisbon',
  bio: 'I build *careful* models. Read my [notes](https://example.com/notes).',
  links: [
    { label: 'GitHub', url: 'https://github.com/ada' },
    { label: 'Email', url: 'mailto:ada@example.com' },
    { label: 'LinkedIn', url: 'https://www.linkedin.com/in/ada' },
    { label: 'GitHub again', url: 'https://github.com/ada' },
  ],
  skills: [{ items: ['Python', 'SQL'] }, { items: ['XGBoost', 'python'] }],
};

const study: ArticleInput = {
  title: 'Churn in 6 weeks',
  summary: 'ROC AUC from 0.78 to 0.91.',
  organization: 'Acme Telecom',
  period: { start: '2025-06' },
  tags: ['churn', 'Python'],
  skills: ['Python', 'SQL'],
};

describe('absoluteUrl', () => {
  it('resolves a site-relative href against the site, base path included', () => {
    expect(absoluteUrl('/portfolio/og/home.png', 'https://ada.example.com')).toBe(
      'https://ada.example.com/portfolio/og/home.png',
    );
    expect(absoluteUrl('/x/', new URL('https://ada.example.com/'))).toBe(
      'https://ada.example.com/x/',
    );
  });

  it('keeps absolute URLs, and relative ones when there is no site', () => {
    expect(absoluteUrl('https://cdn.example/a.png', 'https://ada.example.com')).toBe(
      'https://cdn.example/a.png',
    );
    expect(absoluteUrl('/og/home.png', undefined)).toBe('/og/home.png');
  });
});

describe('firstDay', () => {
  it('turns a month into its first day and keeps a full date', () => {
    expect(firstDay('2025-06')).toBe('2025-06-01');
    expect(firstDay('2025-06-15')).toBe('2025-06-15');
  });
});

describe('profilePageJsonLd', () => {
  it('describes the home page as the profile of its owner: job title, bio, email, web profiles, skills and photo', () => {
    expect(
      profilePageJsonLd(profile, {
        url: 'https://ada.example.com/',
        image: 'https://ada.example.com/_astro/avatar.webp',
      }),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: 'https://ada.example.com/',
      mainEntity: {
        '@type': 'Person',
        '@id': 'https://ada.example.com/#person',
        name: 'Ada Fixture',
        jobTitle: 'Data science intern · MS Statistics',
        url: 'https://ada.example.com/',
        description: 'I build careful models. Read my notes.',
        email: 'ada@example.com',
        homeLocation: { '@type': 'Place', name: 'Lisbon' },
        sameAs: ['https://github.com/ada', 'https://www.linkedin.com/in/ada'],
        knowsAbout: ['Python', 'SQL', 'XGBoost'],
        image: 'https://ada.example.com/_astro/avatar.webp',
      },
    });
  });

  it('leaves out what the profile does not have', () => {
    const bare = profilePageJsonLd(
      {
        name: 'B',
        headline: 'H',
        links: [{ label: 'Mail', url: 'mailto:b@example.com' }],
        skills: [],
      },
      { url: '/' },
    );
    expect(Object.keys(bare)).toEqual(['@context', '@type', 'url', 'mainEntity']);
    expect(bare.mainEntity).toEqual({
      '@type': 'Person',
      '@id': '/#person',
      name: 'B',
      jobTitle: 'H',
      url: '/',
    });
  });
});

describe('articleJsonLd', () => {
  it('describes a case study: headline, summary, author, start date, image and keywords', () => {
    expect(
      articleJsonLd(study, {
        url: 'https://ada.example.com/case-studies/churn/',
        image: 'https://ada.example.com/og/case-studies/churn.png',
        author: { name: 'Ada Fixture', url: 'https://ada.example.com/' },
      }),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'Churn in 6 weeks',
      description: 'ROC AUC from 0.78 to 0.91.',
      url: 'https://ada.example.com/case-studies/churn/',
      mainEntityOfPage: 'https://ada.example.com/case-studies/churn/',
      datePublished: '2025-06-01',
      author: {
        '@type': 'Person',
        '@id': 'https://ada.example.com/#person',
        name: 'Ada Fixture',
        url: 'https://ada.example.com/',
      },
      image: 'https://ada.example.com/og/case-studies/churn.png',
      keywords: ['churn', 'Python', 'SQL'],
      sourceOrganization: { '@type': 'Organization', name: 'Acme Telecom' },
    });
  });

  it("names the home page's Person as its author", () => {
    const homeUrl = 'https://ada.example.com/portfolio/';
    const article = articleJsonLd(study, {
      url: `${homeUrl}case-studies/churn/`,
      author: { name: 'Ada Fixture', url: homeUrl },
    });
    const page = profilePageJsonLd(profile, { url: homeUrl });
    expect(article.author['@id']).toBe(personId(homeUrl));
    expect(article.author['@id']).toBe(page.mainEntity['@id']);
  });

  it('stays inert inside a script element once serialised, and parses back unchanged', () => {
    const hostile = { ...study, title: '</script><script>alert(1)</script> & \u2028' };
    const data = articleJsonLd(hostile, { url: '/x/', author: { name: 'A', url: '/' } });
    const text = serializeDataIsland(data);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});
