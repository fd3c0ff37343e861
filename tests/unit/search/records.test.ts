import { describe, expect, it } from 'vitest';
import { searchRecord } from '../../../src/search/records.ts';
import { caseStudyPathSchema } from '../../../src/schemas/case-study.ts';
import { contractExample, edited } from '../schemas/contract-example.ts';

describe('the search record of a case study', () => {
  const data = caseStudyPathSchema.parse(
    edited(contractExample(), (d) => {
      d['cover'] = { src: './cover.png', alt: 'Lift chart of the churn model' };
      d['links'] = { repo: 'https://github.com/ada/churn-model' };
    }),
  );
  const record = searchRecord('churn-model', data, ['Problem', 'We checked for leakage.']);

  it('points at the case study page, is titled like it and lists its model card', () => {
    expect(record.url).toBe('/case-studies/churn-model/');
    expect(record.meta).toEqual({
      title: data.title,
      modelCard: '/case-studies/churn-model/model-card.md',
    });
    expect(record.language).toBe('en');
  });

  it('holds accented letters in one form, whichever form the file had', () => {
    // "Café" with a combining acute accent, as text pasted from some notebooks is.
    const decomposed = searchRecord('churn-model', data, ['Cafe\u0301 visits, re\u0301sume\u0301']);
    expect(decomposed.content).toContain('Caf\u00e9 visits, r\u00e9sum\u00e9');
    expect(decomposed.content).not.toContain('\u0301');
  });

  it('starts with the title and summary, and ends with the body', () => {
    const lines = record.content.split('\n');
    expect(lines.slice(0, 2)).toEqual([data.title, data.summary]);
    expect(lines.slice(-2)).toEqual(['Problem', 'We checked for leakage.']);
  });

  it('holds the words of every card a reader sees: dataset, model, metrics, stakeholders, impact', () => {
    for (const words of [
      data.organization,
      data.role,
      data.dataset.name,
      data.model.name,
      'Classification',
      data.metrics[0]?.name,
      data.stakeholders[0]?.role,
      data.impact[0],
      ...data.tags,
      ...data.skills,
      'Lift chart of the churn model',
    ]) {
      expect(record.content).toContain(words);
    }
  });

  it('leaves out where a metric is read from', () => {
    const fromFile = caseStudyPathSchema.parse(
      edited(contractExample(), (d) => {
        d['metrics'] = [
          { name: 'ROC AUC', from: './summary.json', key: 'metrics.roc_auc', format: 'json' },
        ];
      }),
    );
    const content = searchRecord('churn-model', fromFile, []).content;
    expect(content).toContain('ROC AUC');
    expect(content).not.toMatch(/summary\.json|metrics\.roc_auc|\bjson\b/);
  });

  it('leaves out links, file paths, dates, flags and numbers', () => {
    expect(record.content).not.toMatch(/https?:|\.\/cover\.png|2025-06|\btrue\b|\bfalse\b/);
    expect(data.dataset.rows).toBe(1200000);
    expect(record.content).not.toContain('1200000');
  });
});
