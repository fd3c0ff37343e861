import type { ProjectLinkKind } from './links.ts';
import type { Task } from './model.ts';
import type { PublicationLinkKind, PublicationType } from './publication.ts';

/** Human names for the schema's enums, in one place so every page says the same. */

export const TASK_LABELS: Record<Task, string> = {
  classification: 'Classification',
  regression: 'Regression',
  forecasting: 'Forecasting',
  clustering: 'Clustering',
  ranking: 'Ranking',
  recommendation: 'Recommendation',
  nlp: 'Natural language processing',
  'computer-vision': 'Computer vision',
  'anomaly-detection': 'Anomaly detection',
  'causal-inference': 'Causal inference',
  optimization: 'Optimization',
  analytics: 'Analytics',
  other: 'Other',
};

export const ACCESS_LABELS = {
  public: 'Public data',
  internal: 'Internal data',
  confidential: 'Confidential data',
} as const;

export const INFLUENCE_LABELS = {
  high: 'High influence',
  medium: 'Medium influence',
  low: 'Low influence',
} as const;

export const LINK_LABELS: Record<ProjectLinkKind, string> = {
  repo: 'Code repository',
  demo: 'Live demo',
  notebook: 'Notebook',
  slides: 'Slides',
  report: 'Report',
  paper: 'Paper',
  video: 'Video',
};

/** Each kind of publication as its entry names it. */
export const PUBLICATION_TYPE_LABELS: Record<PublicationType, string> = {
  paper: 'Paper',
  preprint: 'Preprint',
  thesis: 'Thesis',
  poster: 'Poster',
  talk: 'Talk',
};

/** A publication's links as their text reads. */
export const PUBLICATION_LINK_LABELS: Record<PublicationLinkKind, string> = {
  doi: 'DOI',
  arxiv: 'arXiv',
  pdf: 'PDF',
  code: 'Code',
  slides: 'Slides',
  url: 'Web page',
};
