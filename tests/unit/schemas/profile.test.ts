import { describe, expect, it } from 'vitest';
import { formatFieldPath } from '../../../src/problems/problem.ts';
import { profilePathSchema } from '../../../src/schemas/profile.ts';
import { edited } from './contract-example.ts';

function rejectedFields(data: unknown): string[] {
  const result = profilePathSchema.safeParse(data, { reportInput: true });
  if (result.success) return [];
  return result.error.issues.map((issue) => formatFieldPath(issue.path));
}

const fullProfile = {
  name: 'Ada Lovelace',
  headline: 'Data science intern · MS Statistics',
  location: 'London',
  email: 'ada@example.com',
  bio: 'I like **engines** and [notes](https://example.com/notes).',
  avatar: './avatar.jpg',
  availability: 'Open to full-time roles from June 2027',
  links: [
    { label: 'GitHub', url: 'https://github.com/ada' },
    { label: 'Blog', url: 'http://ada.example.com' },
    { label: 'Email', url: 'mailto:ada@example.com' },
  ],
  skills: [{ group: 'Modelling', items: ['XGBoost', 'PyTorch'] }],
  education: [
    { school: 'University of London', degree: 'MS Statistics', start: '2024-09', end: 'present' },
    { school: 'A college', degree: 'BS Maths', start: '2020-09', end: '2024-06' },
  ],
  experience: [
    { organization: 'Acme', role: 'Intern', start: '2025-06', end: '2025-08', summary: 'Churn.' },
    { organization: 'Lab', role: 'Assistant', start: '2025-09' },
  ],
  resume: './resume.pdf',
};

describe('profilePathSchema', () => {
  it('accepts a profile with every documented field', () => {
    const data = profilePathSchema.parse(fullProfile);
    expect(data.links.map((link) => link.url)).toEqual([
      'https://github.com/ada',
      'http://ada.example.com',
      'mailto:ada@example.com',
    ]);
    expect(data.education[0]?.end).toBe('present');
    expect(data.experience[1]?.end).toBeUndefined();
  });

  it('needs only a name and a headline, and defaults the lists to empty', () => {
    expect(profilePathSchema.parse({ name: 'Ada', headline: 'Intern' })).toEqual({
      name: 'Ada',
      headline: 'Intern',
      links: [],
      skills: [],
      education: [],
      experience: [],
      publications: [],
    });
    expect(rejectedFields({ headline: 'Intern' })).toEqual(['name']);
    expect(rejectedFields({ name: 'Ada' })).toEqual(['headline']);
  });

  it('allows mailto links on the profile but never script or data links', () => {
    const withLink = (url: string) => edited(fullProfile, (d) => (d.links = [{ label: 'x', url }]));
    expect(rejectedFields(withLink('mailto:ada@example.com'))).toEqual([]);
    expect(rejectedFields(withLink('javascript:alert(1)'))).toEqual(['links[0].url']);
    expect(rejectedFields(withLink('data:text/html,hi'))).toEqual(['links[0].url']);
    expect(rejectedFields(withLink('vbscript:msgbox(1)'))).toEqual(['links[0].url']);
    expect(rejectedFields(withLink('tel:+441234'))).toEqual(['links[0].url']);
    expect(rejectedFields(withLink('www.example.com'))).toEqual(['links[0].url']);
  });

  it('rejects an invalid email address', () => {
    expect(rejectedFields(edited(fullProfile, (d) => (d.email = 'ada at example.com')))).toEqual([
      'email',
    ]);
  });

  it('rejects education and experience that end before they start', () => {
    const data = edited(fullProfile, (d) => {
      d.education[1].end = '2019-06';
      d.experience[0].end = '2025-05-31';
    });
    expect(rejectedFields(data)).toEqual(['education[1].end', 'experience[0].end']);
  });

  it('rejects invalid dates in education and experience', () => {
    const data = edited(fullProfile, (d) => {
      d.education[0].start = 'Sept 2024';
      d.experience[1].start = '2025-02-30';
    });
    expect(rejectedFields(data)).toEqual(['education[0].start', 'experience[1].start']);
  });

  it('enforces the length limits', () => {
    expect(rejectedFields(edited(fullProfile, (d) => (d.name = 'x'.repeat(81))))).toEqual(['name']);
    expect(rejectedFields(edited(fullProfile, (d) => (d.headline = 'x'.repeat(121))))).toEqual([
      'headline',
    ]);
    expect(rejectedFields(edited(fullProfile, (d) => (d.bio = 'x'.repeat(801))))).toEqual(['bio']);
    expect(rejectedFields(edited(fullProfile, (d) => (d.bio = 'x'.repeat(800))))).toEqual([]);
    expect(rejectedFields(edited(fullProfile, (d) => (d.availability = 'x'.repeat(121))))).toEqual([
      'availability',
    ]);
  });

  it('rejects unknown keys at every level and empty skill groups', () => {
    expect(rejectedFields(edited(fullProfile, (d) => (d.github = 'ada')))).toEqual(['']);
    expect(rejectedFields(edited(fullProfile, (d) => (d.links[0].href = 'https://x.y')))).toEqual([
      'links[0]',
    ]);
    expect(rejectedFields(edited(fullProfile, (d) => (d.skills[0].items = [])))).toEqual([
      'skills[0].items',
    ]);
  });
});
