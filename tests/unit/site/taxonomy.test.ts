import { describe, expect, it } from 'vitest';
import { groupByLabel, withSharedSpellings } from '../../../src/site/taxonomy.ts';

interface Item {
  slug: string;
  tags: string[];
}

const item = (slug: string, ...tags: string[]): Item => ({ slug, tags });

function summary(items: Item[]) {
  return groupByLabel(items, (entry) => entry.tags).map((group) => ({
    slug: group.slug,
    label: group.label,
    items: group.items.map((entry) => entry.slug),
  }));
}

describe('groupByLabel', () => {
  it('groups items by the slug of each label', () => {
    expect(summary([item('a', 'churn', 'forecasting'), item('b', 'churn')])).toEqual([
      { slug: 'churn', label: 'churn', items: ['a', 'b'] },
      { slug: 'forecasting', label: 'forecasting', items: ['a'] },
    ]);
  });

  it('merges label variants with the same slug under the first spelling', () => {
    expect(
      summary([item('a', 'Time Series'), item('b', 'time series'), item('c', 'time-series')]),
    ).toEqual([{ slug: 'time-series', label: 'Time Series', items: ['a', 'b', 'c'] }]);
  });

  it('lists an item once per group even when it repeats a label variant', () => {
    expect(summary([item('a', 'SQL', 'sql')])).toEqual([
      { slug: 'sql', label: 'SQL', items: ['a'] },
    ]);
  });

  it('keeps C++ and C# on separate pages', () => {
    const groups = summary([item('a', 'C++'), item('b', 'C#')]);
    expect(groups.map((group) => `${group.slug}: ${group.items.join()}`).sort()).toEqual([
      'c-plus-plus: a',
      'c-sharp: b',
    ]);
  });

  it('sorts groups by label, ignoring case, and keeps item order', () => {
    const groups = summary([
      item('x', 'sql', 'Airflow'),
      item('y', 'Python', 'airflow'),
      item('z', 'python', 'XGBoost'),
    ]);
    expect(groups.map((group) => group.label)).toEqual(['Airflow', 'Python', 'sql', 'XGBoost']);
    expect(groups.find((group) => group.slug === 'airflow')?.items).toEqual(['x', 'y']);
    expect(groups.find((group) => group.slug === 'python')?.items).toEqual(['y', 'z']);
  });

  it('returns no groups for items without labels', () => {
    expect(summary([item('a'), item('b')])).toEqual([]);
  });
});

describe('withSharedSpellings', () => {
  it('spells every tag and skill as the first item that carries it', () => {
    const items = [
      { slug: 'a', tags: ['Churn'], skills: ['Python', 'SQL'] },
      { slug: 'b', tags: ['churn', 'retention'], skills: ['python', 'sql', 'dbt'] },
    ];
    expect(withSharedSpellings(items)).toEqual([
      { slug: 'a', tags: ['Churn'], skills: ['Python', 'SQL'] },
      { slug: 'b', tags: ['Churn', 'retention'], skills: ['Python', 'SQL', 'dbt'] },
    ]);
    // The pages agree with the chips.
    const groups = groupByLabel(withSharedSpellings(items), (item) => item.skills);
    expect(groups.map((group) => group.label)).toEqual(['dbt', 'Python', 'SQL']);
  });

  it('keeps tags and skills apart', () => {
    const items = [
      { tags: ['Python'], skills: [] as string[] },
      { tags: [] as string[], skills: ['python'] },
    ];
    expect(withSharedSpellings(items)).toEqual(items);
  });
});
