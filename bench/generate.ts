/**
 * Benchmark content: N realistic, deterministic case studies for `npm run bench`.
 *
 * Each study is a folder with an `index.mdx` (contract frontmatter, about 600
 * words of prose in Problem / Approach / Results / Impact, a Python and a SQL
 * code block, a `<Chart>` from a 50-row CSV beside it and a `<ConfusionMatrix>`)
 * and the CSV. The bare Astro + MDX baseline gets the same prose and code
 * blocks, without the components and with only a `title` in its frontmatter.
 *
 * Everything here is pure (a seeded PRNG, no clock, no file system) except
 * `writeFiles`. Study `i` depends only on the seed and `i`, so the N = 100
 * site is the first 100 studies of the N = 1,000 site.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const DEFAULT_SEED = 20_260_601;

/**
 * How much each study holds besides its prose: `full` (the default: a
 * Python and a SQL block of about 15 lines each, a `<Chart>` from a CSV and a
 * `<ConfusionMatrix>`) or `light` (the same prose and frontmatter, two code
 * blocks of three lines, no components and no CSV): the case study most
 * interns write, where Shiki and the charts weigh little and what Casefolio
 * adds to every page shows most (issue 20: 1.51x bare Astro, against 1.16).
 */
export type Prose = 'full' | 'light';

/** Relative path to file text. */
export type FileMap = Map<string, string>;

// ---------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a, to derive one independent seed per study from (seed, index). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Random {
  readonly #next: () => number;
  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }
  float(min = 0, max = 1): number {
    return min + (max - min) * this.#next();
  }
  int(min: number, max: number): number {
    return Math.floor(this.float(min, max + 1));
  }
  chance(p: number): boolean {
    return this.#next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.#next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.#next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, count);
  }
}

// ---------------------------------------------------------------------------
// Vocabularies: small on purpose, so tag and skill pages collect many studies

type Task =
  | 'classification'
  | 'regression'
  | 'forecasting'
  | 'clustering'
  | 'ranking'
  | 'recommendation'
  | 'nlp'
  | 'computer-vision'
  | 'anomaly-detection'
  | 'causal-inference'
  | 'optimization'
  | 'analytics'
  | 'other';

interface MetricTemplate {
  name: string;
  /** Range of the baseline value. */
  baseline: [number, number];
  /** Relative improvement range (positive = better). */
  gain: [number, number];
  unit?: string;
  goal?: 'lower';
  decimals: number;
  split: string;
  description: string;
}

interface Domain {
  key: string;
  task: Task;
  /** What the work predicts or studies, as a noun phrase: "subscriber churn". */
  subject: string;
  /** One row of the data: "subscriber". */
  entity: string;
  /** The target column in the code. */
  target: string;
  /** The main table in the SQL. */
  table: string;
  titles: readonly string[];
  datasets: readonly string[];
  models: readonly { name: string; framework: string; ctor: string; module: string }[];
  baseline: string;
  metrics: readonly MetricTemplate[];
  tags: readonly string[];
  skills: readonly string[];
  labels: readonly string[];
  stakeholders: readonly { role: string; team: string }[];
}

const pct = (name: string, baseline: [number, number], split = 'test'): MetricTemplate => ({
  name,
  baseline,
  gain: [0.06, 0.3],
  unit: '%',
  decimals: 1,
  split,
  description: `${name} on the held-out ${split} data.`,
});

const latency: MetricTemplate = {
  name: 'p95 scoring latency',
  baseline: [60, 240],
  gain: [0.2, 0.6],
  unit: 'ms',
  goal: 'lower',
  decimals: 0,
  split: 'production',
  description: 'Two weeks of shadow traffic against the system it replaces.',
};

const DOMAINS: readonly Domain[] = [
  {
    key: 'churn',
    task: 'classification',
    subject: 'subscriber churn',
    entity: 'subscriber',
    target: 'churned_within_6w',
    table: 'subscriber_activity',
    titles: [
      'Predicting subscriber churn six weeks ahead',
      'An early-warning churn score for the retention team',
      'Finding the customers about to cancel',
    ],
    datasets: ['Subscriber activity events', 'Monthly account snapshots', 'Plan and usage history'],
    models: [
      {
        name: 'Gradient-boosted trees',
        framework: 'XGBoost 2.0',
        ctor: 'XGBClassifier',
        module: 'xgboost',
      },
      {
        name: 'Gradient-boosted trees',
        framework: 'LightGBM 4.5',
        ctor: 'LGBMClassifier',
        module: 'lightgbm',
      },
    ],
    baseline: 'Rule-based churn score',
    metrics: [
      {
        name: 'ROC AUC',
        baseline: [0.7, 0.8],
        gain: [0.05, 0.18],
        decimals: 2,
        split: 'test',
        description: 'Area under the ROC curve on an out-of-time test month.',
      },
      pct('Recall at top decile', [35, 50]),
      latency,
    ],
    tags: ['churn', 'classification', 'telecom', 'retention'],
    skills: ['Python', 'SQL', 'XGBoost', 'LightGBM', 'SHAP', 'Airflow'],
    labels: ['stays', 'churns'],
    stakeholders: [
      { role: 'Head of Retention', team: 'Marketing' },
      { role: 'CRM manager', team: 'Lifecycle' },
      { role: 'Data engineer', team: 'Platform' },
    ],
  },
  {
    key: 'fraud',
    task: 'anomaly-detection',
    subject: 'card fraud',
    entity: 'card authorization',
    target: 'is_fraud',
    table: 'card_authorizations',
    titles: [
      'Catching card fraud at a fixed alert rate',
      'Flagging unusual card activity before it settles',
      'A fraud screen reviewers can explain',
    ],
    datasets: ['Card authorization events', 'Chargeback-labelled transactions'],
    models: [
      {
        name: 'Isolation forest with a supervised re-ranker',
        framework: 'scikit-learn 1.5',
        ctor: 'IsolationForest',
        module: 'sklearn.ensemble',
      },
      {
        name: 'Gradient-boosted trees',
        framework: 'LightGBM 4.5',
        ctor: 'LGBMClassifier',
        module: 'lightgbm',
      },
    ],
    baseline: 'Rules engine (hand-written rules)',
    metrics: [
      {
        name: 'PR AUC',
        baseline: [0.3, 0.45],
        gain: [0.3, 0.8],
        decimals: 2,
        split: 'test',
        description: 'Area under the precision-recall curve on an out-of-time quarter.',
      },
      pct('Recall at 0.5% alert rate', [45, 58]),
      {
        name: 'Missed fraud per 1,000 transactions',
        baseline: [150, 220],
        gain: [0.25, 0.55],
        unit: '$',
        goal: 'lower',
        decimals: 0,
        split: 'test',
        description: 'Fraud value that slipped past the review queue.',
      },
    ],
    tags: ['fraud', 'anomaly detection', 'fintech', 'imbalanced data'],
    skills: ['Python', 'SQL', 'LightGBM', 'scikit-learn', 'Snowflake', 'SHAP'],
    labels: ['legit', 'fraud'],
    stakeholders: [
      { role: 'Head of Risk Operations', team: 'Risk' },
      { role: 'Fraud review team lead', team: 'Risk Operations' },
      { role: 'ML engineer', team: 'Platform' },
    ],
  },
  {
    key: 'demand',
    task: 'forecasting',
    subject: 'daily demand',
    entity: 'station-day',
    target: 'trips',
    table: 'station_trips_daily',
    titles: [
      'Forecasting station demand a day ahead',
      'Day-ahead demand for a bike-share network',
      'Planning rebalancing trucks with a demand forecast',
    ],
    datasets: ['Station trip counts', 'Daily station demand with weather'],
    models: [
      {
        name: 'Global gradient-boosted forecaster',
        framework: 'LightGBM 4.5',
        ctor: 'LGBMRegressor',
        module: 'lightgbm',
      },
      {
        name: 'Regression with seasonal features',
        framework: 'statsmodels 0.14',
        ctor: 'Ridge',
        module: 'sklearn.linear_model',
      },
    ],
    baseline: 'Seasonal naive (same weekday last week)',
    metrics: [
      {
        name: 'WAPE',
        baseline: [35, 45],
        gain: [0.15, 0.3],
        unit: '%',
        goal: 'lower',
        decimals: 1,
        split: 'backtest',
        description: 'Weighted absolute percentage error over a 12-week rolling backtest.',
      },
      {
        name: 'Bias',
        baseline: [4, 9],
        gain: [0.4, 0.8],
        unit: '%',
        goal: 'lower',
        decimals: 1,
        split: 'backtest',
        description: 'Mean signed error as a share of demand.',
      },
    ],
    tags: ['forecasting', 'time series', 'urban mobility'],
    skills: ['Python', 'SQL', 'LightGBM', 'pandas', 'statsmodels', 'dbt'],
    labels: ['low', 'normal', 'high'],
    stakeholders: [
      { role: 'Operations planner', team: 'Field operations' },
      { role: 'Head of Operations', team: 'Operations' },
    ],
  },
  {
    key: 'pricing',
    task: 'regression',
    subject: 'listing prices',
    entity: 'listing',
    target: 'sale_price',
    table: 'listings',
    titles: [
      'Estimating a fair price for every listing',
      'A price recommendation for new sellers',
      'Valuing used equipment from its description',
    ],
    datasets: ['Closed marketplace listings', 'Property sales with features'],
    models: [
      {
        name: 'Gradient-boosted trees',
        framework: 'CatBoost 1.2',
        ctor: 'CatBoostRegressor',
        module: 'catboost',
      },
      {
        name: 'Regularised linear model',
        framework: 'scikit-learn 1.5',
        ctor: 'ElasticNet',
        module: 'sklearn.linear_model',
      },
    ],
    baseline: 'Median price of similar listings',
    metrics: [
      {
        name: 'MAPE',
        baseline: [18, 26],
        gain: [0.2, 0.4],
        unit: '%',
        goal: 'lower',
        decimals: 1,
        split: 'test',
        description: 'Mean absolute percentage error on listings sold after the training cut-off.',
      },
      {
        name: 'R²',
        baseline: [0.55, 0.7],
        gain: [0.08, 0.25],
        decimals: 2,
        split: 'test',
        description: 'Share of price variance explained.',
      },
      latency,
    ],
    tags: ['pricing', 'regression', 'marketplace'],
    skills: ['Python', 'SQL', 'CatBoost', 'scikit-learn', 'pandas'],
    labels: ['under', 'fair', 'over'],
    stakeholders: [
      { role: 'Marketplace product manager', team: 'Seller experience' },
      { role: 'Pricing analyst', team: 'Strategy' },
    ],
  },
  {
    key: 'search',
    task: 'ranking',
    subject: 'search relevance',
    entity: 'query-result pair',
    target: 'clicked',
    table: 'search_impressions',
    titles: [
      'Re-ranking site search with learning to rank',
      'Better answers for the top thousand queries',
    ],
    datasets: ['Search impressions and clicks', 'Judged query-document pairs'],
    models: [
      {
        name: 'LambdaMART ranker',
        framework: 'LightGBM 4.5',
        ctor: 'LGBMRanker',
        module: 'lightgbm',
      },
      { name: 'Pairwise ranker', framework: 'XGBoost 2.0', ctor: 'XGBRanker', module: 'xgboost' },
    ],
    baseline: 'BM25 with hand-tuned boosts',
    metrics: [
      {
        name: 'NDCG@10',
        baseline: [0.42, 0.55],
        gain: [0.08, 0.2],
        decimals: 3,
        split: 'validation',
        description: 'Normalised discounted cumulative gain on judged queries.',
      },
      pct('Click-through rate', [20, 30], 'A/B test'),
    ],
    tags: ['search', 'ranking', 'e-commerce'],
    skills: ['Python', 'SQL', 'LightGBM', 'Elasticsearch', 'A/B testing'],
    labels: ['irrelevant', 'partial', 'relevant'],
    stakeholders: [
      { role: 'Search product manager', team: 'Discovery' },
      { role: 'Backend engineer', team: 'Search platform' },
    ],
  },
  {
    key: 'recs',
    task: 'recommendation',
    subject: 'product recommendations',
    entity: 'user-item interaction',
    target: 'purchased',
    table: 'user_item_events',
    titles: [
      'Recommendations for returning shoppers',
      'A "you may also like" shelf that earns its place',
    ],
    datasets: ['Browse and purchase events', 'Implicit feedback from sessions'],
    models: [
      {
        name: 'Two-tower retrieval with a re-ranker',
        framework: 'PyTorch 2.4',
        ctor: 'TwoTowerModel',
        module: 'recs.models',
      },
      {
        name: 'Implicit matrix factorisation',
        framework: 'implicit 0.7',
        ctor: 'AlternatingLeastSquares',
        module: 'implicit.als',
      },
    ],
    baseline: 'Most popular items in the category',
    metrics: [
      pct('Recall@20', [18, 26], 'validation'),
      {
        name: 'Revenue per session',
        baseline: [2.1, 3.4],
        gain: [0.03, 0.09],
        unit: '$',
        decimals: 2,
        split: 'A/B test',
        description: 'Average revenue per session in a two-week experiment.',
      },
    ],
    tags: ['recommendation', 'e-commerce', 'personalisation'],
    skills: ['Python', 'PyTorch', 'SQL', 'Spark', 'A/B testing'],
    labels: ['ignored', 'clicked', 'bought'],
    stakeholders: [
      { role: 'Head of E-commerce', team: 'Digital' },
      { role: 'Merchandising lead', team: 'Merchandising' },
    ],
  },
  {
    key: 'tickets',
    task: 'nlp',
    subject: 'support ticket routing',
    entity: 'support ticket',
    target: 'queue',
    table: 'support_tickets',
    titles: [
      'Routing support tickets to the right queue',
      'Reading ten thousand tickets a day so agents do not have to',
    ],
    datasets: ['Support tickets with final queue', 'Customer emails and chat transcripts'],
    models: [
      {
        name: 'Fine-tuned DistilBERT',
        framework: 'Transformers 4.44',
        ctor: 'AutoModelForSequenceClassification',
        module: 'transformers',
      },
      {
        name: 'TF-IDF with logistic regression',
        framework: 'scikit-learn 1.5',
        ctor: 'LogisticRegression',
        module: 'sklearn.linear_model',
      },
    ],
    baseline: 'Keyword rules maintained by the support team',
    metrics: [
      {
        name: 'Macro F1',
        baseline: [0.55, 0.68],
        gain: [0.15, 0.35],
        decimals: 2,
        split: 'test',
        description: 'F1 averaged over queues, so small queues count as much as large ones.',
      },
      pct('Tickets re-routed by agents', [20, 32]),
    ],
    tags: ['NLP', 'text classification', 'customer support'],
    skills: ['Python', 'PyTorch', 'Hugging Face', 'scikit-learn', 'SQL'],
    labels: ['billing', 'technical', 'account', 'other'],
    stakeholders: [
      { role: 'Customer support director', team: 'Support' },
      { role: 'Support operations analyst', team: 'Support operations' },
    ],
  },
  {
    key: 'defects',
    task: 'computer-vision',
    subject: 'surface defects',
    entity: 'part image',
    target: 'defect',
    table: 'inspection_images',
    titles: [
      'Spotting surface defects on the production line',
      'Visual inspection that keeps up with the conveyor',
    ],
    datasets: ['Line-camera images of machined parts', 'Labelled inspection photos'],
    models: [
      {
        name: 'Fine-tuned ResNet-50',
        framework: 'PyTorch 2.4',
        ctor: 'resnet50',
        module: 'torchvision.models',
      },
      {
        name: 'EfficientNet-B0',
        framework: 'PyTorch 2.4',
        ctor: 'efficientnet_b0',
        module: 'torchvision.models',
      },
    ],
    baseline: 'Manual inspection of a 5% sample',
    metrics: [pct('Defect recall', [70, 82]), pct('False reject rate', [6, 10]), latency],
    tags: ['computer vision', 'manufacturing', 'quality'],
    skills: ['Python', 'PyTorch', 'OpenCV', 'Docker'],
    labels: ['ok', 'scratch', 'dent'],
    stakeholders: [
      { role: 'Quality manager', team: 'Manufacturing' },
      { role: 'Line supervisor', team: 'Plant operations' },
    ],
  },
  {
    key: 'segments',
    task: 'clustering',
    subject: 'customer segments',
    entity: 'customer',
    target: 'segment',
    table: 'customer_orders',
    titles: [
      'Customer segments the marketing team actually uses',
      'Grouping shoppers by how they buy',
    ],
    datasets: ['Order history per customer', 'Loyalty programme transactions'],
    models: [
      {
        name: 'K-means on RFM features',
        framework: 'scikit-learn 1.5',
        ctor: 'KMeans',
        module: 'sklearn.cluster',
      },
      {
        name: 'Gaussian mixture',
        framework: 'scikit-learn 1.5',
        ctor: 'GaussianMixture',
        module: 'sklearn.mixture',
      },
    ],
    baseline: 'Spend tiers (bronze, silver, gold)',
    metrics: [
      {
        name: 'Silhouette score',
        baseline: [0.18, 0.26],
        gain: [0.3, 0.8],
        decimals: 2,
        split: 'validation',
        description: 'Mean silhouette on a held-out month of customers.',
      },
      pct('Campaign response rate', [3, 5], 'A/B test'),
    ],
    tags: ['clustering', 'marketing', 'retail'],
    skills: ['Python', 'SQL', 'scikit-learn', 'pandas', 'Tableau'],
    labels: ['bargain', 'loyal', 'lapsed'],
    stakeholders: [{ role: 'CRM marketing manager', team: 'Marketing' }],
  },
  {
    key: 'uplift',
    task: 'causal-inference',
    subject: 'discount uplift',
    entity: 'customer',
    target: 'converted',
    table: 'promo_exposures',
    titles: ['Who a discount actually persuades', 'Measuring the real effect of a loyalty email'],
    datasets: ['Randomised promotion exposures', 'Email campaign sends and orders'],
    models: [
      {
        name: 'T-learner with gradient-boosted trees',
        framework: 'EconML 0.15',
        ctor: 'TLearner',
        module: 'econml.metalearners',
      },
      {
        name: 'Causal forest',
        framework: 'EconML 0.15',
        ctor: 'CausalForestDML',
        module: 'econml.dml',
      },
    ],
    baseline: 'Send to everyone above a spend threshold',
    metrics: [
      {
        name: 'Qini coefficient',
        baseline: [0.02, 0.05],
        gain: [0.4, 1.2],
        decimals: 3,
        split: 'test',
        description: 'Area between the uplift curve and random targeting.',
      },
      {
        name: 'Incremental margin per 1,000 sends',
        baseline: [40, 90],
        gain: [0.2, 0.6],
        unit: '$',
        decimals: 0,
        split: 'A/B test',
        description: 'Margin from persuaded customers minus discount cost.',
      },
    ],
    tags: ['causal inference', 'experimentation', 'marketing'],
    skills: ['Python', 'SQL', 'EconML', 'A/B testing', 'statsmodels'],
    labels: ['no order', 'order'],
    stakeholders: [
      { role: 'Head of CRM', team: 'Marketing' },
      { role: 'Finance business partner', team: 'Finance' },
    ],
  },
  {
    key: 'routing',
    task: 'optimization',
    subject: 'delivery routes',
    entity: 'delivery stop',
    target: 'late',
    table: 'delivery_stops',
    titles: [
      'Shorter delivery routes with the same fleet',
      'Scheduling home deliveries into tighter windows',
    ],
    datasets: ['Delivery stops with time windows', 'Driver GPS traces'],
    models: [
      {
        name: 'Vehicle routing with time windows',
        framework: 'OR-Tools 9.10',
        ctor: 'RoutingModel',
        module: 'ortools.constraint_solver',
      },
      {
        name: 'Travel-time model plus routing solver',
        framework: 'LightGBM 4.5',
        ctor: 'LGBMRegressor',
        module: 'lightgbm',
      },
    ],
    baseline: 'Dispatcher-planned routes',
    metrics: [
      {
        name: 'Kilometres per stop',
        baseline: [2.4, 3.4],
        gain: [0.08, 0.2],
        unit: 'km',
        goal: 'lower',
        decimals: 2,
        split: 'production',
        description: 'Fleet distance divided by completed stops over four weeks.',
      },
      {
        name: 'Late deliveries',
        baseline: [7, 12],
        gain: [0.25, 0.5],
        unit: '%',
        goal: 'lower',
        decimals: 1,
        split: 'production',
        description: 'Share of stops outside the promised window.',
      },
    ],
    tags: ['optimization', 'logistics', 'operations research'],
    skills: ['Python', 'OR-Tools', 'SQL', 'LightGBM', 'Docker'],
    labels: ['on time', 'late'],
    stakeholders: [
      { role: 'Head of Last-Mile Delivery', team: 'Logistics' },
      { role: 'Dispatcher team lead', team: 'Dispatch' },
    ],
  },
  {
    key: 'checkout',
    task: 'analytics',
    subject: 'checkout conversion',
    entity: 'session',
    target: 'completed',
    table: 'checkout_sessions',
    titles: [
      'What a one-page checkout did to conversion',
      'Reading a checkout experiment honestly',
    ],
    datasets: ['Checkout sessions from the experiment', 'Web analytics events'],
    models: [
      {
        name: 'Difference in proportions with CUPED',
        framework: 'statsmodels 0.14',
        ctor: 'OLS',
        module: 'statsmodels.api',
      },
      {
        name: 'Logistic regression with covariates',
        framework: 'statsmodels 0.14',
        ctor: 'Logit',
        module: 'statsmodels.api',
      },
    ],
    baseline: 'Current three-step checkout',
    metrics: [
      pct('Checkout completion', [58, 66], 'A/B test'),
      {
        name: 'Time to complete',
        baseline: [140, 210],
        gain: [0.1, 0.3],
        unit: 's',
        goal: 'lower',
        decimals: 0,
        split: 'A/B test',
        description: 'Median seconds from cart to confirmation.',
      },
    ],
    tags: ['A/B testing', 'product analytics', 'e-commerce'],
    skills: ['SQL', 'Python', 'statsmodels', 'A/B testing', 'Looker'],
    labels: ['abandoned', 'completed'],
    stakeholders: [
      { role: 'Product manager, checkout', team: 'Growth' },
      { role: 'Head of Analytics', team: 'Data' },
    ],
  },
  {
    key: 'sensors',
    task: 'other',
    subject: 'sensor drift',
    entity: 'sensor reading',
    target: 'drifted',
    table: 'sensor_readings',
    titles: [
      'Catching drifting sensors before they mislead the dashboard',
      'A health score for ten thousand IoT sensors',
    ],
    datasets: ['Minute-level sensor readings', 'Maintenance tickets joined to sensors'],
    models: [
      {
        name: 'Rolling statistics with a learned threshold',
        framework: 'scikit-learn 1.5',
        ctor: 'LogisticRegression',
        module: 'sklearn.linear_model',
      },
    ],
    baseline: 'Fixed thresholds per sensor type',
    metrics: [
      pct('Drift caught within a day', [40, 55]),
      {
        name: 'False alarms per week',
        baseline: [30, 60],
        gain: [0.3, 0.6],
        goal: 'lower',
        decimals: 0,
        split: 'production',
        description: 'Alerts that maintenance closed as no fault.',
      },
    ],
    tags: ['IoT', 'monitoring', 'time series'],
    skills: ['Python', 'SQL', 'scikit-learn', 'Airflow', 'Grafana'],
    labels: ['healthy', 'drifting'],
    stakeholders: [{ role: 'Maintenance planner', team: 'Facilities' }],
  },
];

const ORGANIZATIONS = [
  'A fintech startup (under NDA)',
  'Acme Telecom',
  'Northwind Logistics',
  'Lakeshore University Urban Analytics Lab',
  'Fernbrook Home',
  'Globex Retail',
  'Contoso Health',
  'Initech Manufacturing',
  'A regional bank (under NDA)',
  'Blue Harbor Media',
];
const ROLES = [
  'Data Science Intern',
  'Machine Learning Intern',
  'Analytics Intern',
  'Graduate Research Assistant',
];
const TEAMS = [
  '1 data science intern, 1 senior data scientist',
  'Me, with a data engineer for the pipeline',
  '2 data scientists, 1 engineer',
  'Solo project with weekly reviews',
];
const PEOPLE = ['Daniel Reyes', 'Priya Natarajan', 'Sofia Lindqvist', 'Kwame Mensah', 'Hana Sato'];
const NEEDS = [
  'A weekly list they could act on without a meeting',
  'Numbers they could defend in the quarterly review',
  'A model that fits inside the existing nightly job',
  'A clear answer before the budget decision',
];
const OUTCOMES = [
  'Adopted the output in their weekly planning',
  'Approved a staged rollout',
  'Replaced a manual spreadsheet process',
  'Asked for the same approach in a second market',
];
const SOURCES = [
  'Internal data warehouse',
  'Kaggle',
  'UCI',
  'Public open-data portal',
  'Product event logs',
];
const LICENSES = ['CC BY 4.0', 'ODbL 1.0', 'CC0 1.0'];

// ---------------------------------------------------------------------------
// Prose: sentence pools filled from a per-study context

interface Context {
  org: string;
  subject: string;
  entity: string;
  dataset: string;
  model: string;
  baseline: string;
  metric: string;
  before: string;
  after: string;
  rows: string;
  features: number;
  stakeholder: string;
  weeks: number;
  months: number;
  folds: number;
  target: string;
}

const PROBLEM = [
  'Before this project, {org} handled {subject} with {baseline}, and nobody could say how often it was wrong.',
  'The {stakeholder} needed something better than a gut feeling, because every mistake cost real money and a lot of goodwill.',
  'Each week the team spent hours on cases that turned out to be fine, while the cases that mattered slipped through.',
  'The existing approach had grown for years, one exception at a time, until it was hard to change without breaking something.',
  'My brief was short: beat {baseline} on {metric}, and keep every decision explainable to people outside the data team.',
  'There was no shortage of data, but it lived in three systems with different keys and different ideas of what a {entity} was.',
  'Labels arrived late and were sometimes wrong, so the first question was not which model to use but what counted as the truth.',
  'A previous attempt had reported great numbers offline and then quietly disappointed in production, which made people cautious.',
  'The stakes were uneven: a missed case was expensive, while a false alarm mostly cost a reviewer a few minutes.',
  'I had {weeks} weeks, one shared notebook server and a standing thirty-minute review with the {stakeholder} every Friday.',
  'Success meant a number the {stakeholder} trusted, a pipeline that ran without me, and a short note explaining its limits.',
  'The team also wanted to know which signals drove {subject}, not just a score, so that they could fix causes rather than symptoms.',
  'Volume had doubled in two years, so the manual process that once worked was now the bottleneck for the whole department.',
  'Everyone agreed the current numbers were not good enough, but nobody had measured them the same way twice.',
];

const APPROACH = [
  'I started by rebuilding the label so that it only used information available at decision time, which removed a subtle leak.',
  'The {dataset} table had {rows} rows and {features} usable features after I dropped identifiers and columns that were mostly empty.',
  'I split the data by time rather than at random: training on the oldest months, validating on the next and testing on the most recent.',
  'A random split had looked better by several points, but it let near-duplicate records sit on both sides of the line.',
  'Most of the signal came from behaviour over time, so I wrote the features as window functions that run the same way in batch and online.',
  'For the model I compared a regularised linear baseline with {model}, tuning both on the validation period only.',
  'I used {folds}-fold rolling validation to choose hyperparameters and kept the test period untouched until the very end.',
  'Class weights made the scores harder to read, so I trained on the natural rate and calibrated the output afterwards.',
  'Every experiment was logged with its data snapshot, code version and parameters, so any number in this write-up can be reproduced.',
  'I checked the training curves for each run to make sure the validation loss flattened instead of drifting upwards.',
  'Missing values were informative here, so instead of filling them blindly I added a flag for each column that was often empty.',
  'I reviewed twenty misclassified examples with a domain expert every week, which surfaced two labelling bugs and one missing feature.',
  'To keep the pipeline simple, feature engineering lives in SQL and the Python side only trains, scores and writes results back.',
  'The {stakeholder} reviewed the top features with me, which ruled out two that were technically predictive but would not be available in time.',
  'I wrote unit tests for the feature queries using small hand-made tables, because window-function bugs are easy to miss by eye.',
  'Before trusting any gain I compared it with the noise between folds, and discarded changes that did not clear it.',
  'The final model was trained on {months} months of history and scores each {entity} in a few milliseconds.',
  'I deliberately left out features that would have been hard to explain to customers, even when they helped a little.',
  'Hyperparameter search ran overnight on a single machine, with early stopping to keep each trial short.',
  'Once the offline numbers were stable, I ran the model in shadow mode next to {baseline} for two weeks.',
];

const RESULTS = [
  'On the untouched test period, {metric} moved from {before} with {baseline} to {after} with the new model.',
  'The gain held in every month of the test period rather than coming from one unusual week.',
  'Shadow mode agreed with the offline numbers to within a point, which did more for trust than any chart.',
  'Errors were not evenly spread: the model struggled most with rare cases that had little history, which is where the next work should go.',
  'The confusion matrix shows where the remaining mistakes sit, and most of them are between neighbouring classes rather than far apart.',
  'Calibration was good enough that a score of 0.8 really did mean roughly eight in ten, which made thresholds easy to discuss.',
  'I also checked the results for each major segment, and no group was noticeably worse off than under the old approach.',
  'The simpler linear model came within a few points of the final one, which is a useful fallback if the pipeline ever needs to shrink.',
  'Feature importance was dominated by recent behaviour, confirming what the operations team had suspected but could not quantify.',
  'Training and validation loss tracked each other closely until late in training, so the early-stopping point was clear.',
  'Latency stayed well inside the service budget, so no new infrastructure was needed to run the model.',
  'Two of the features I expected to matter most turned out to add almost nothing once the time-based features were in.',
  'When I re-ran the whole pipeline from scratch on a clean machine, every reported number came out the same.',
  'A sensitivity check with a stricter label definition changed {metric} by less than the fold-to-fold noise.',
  'Compared with {baseline}, the model made fewer confident mistakes, which is what reviewers noticed first.',
  'Where the model and the old approach disagreed, a manual review sided with the model about three times out of four.',
];

const IMPACT = [
  'The {stakeholder} approved a staged rollout, starting with a fifth of the volume and keeping {baseline} as a fallback.',
  'The weekly review meeting got shorter, because the list now arrives ranked with a reason next to each item.',
  'The feature queries became a shared model in the warehouse, and two other teams now build on them.',
  'I handed over the pipeline with a runbook, a monitoring dashboard and alerts for data drift, so it does not depend on me.',
  'The biggest change was not the metric but the conversation: decisions now start from a number everyone measures the same way.',
  'Finance estimated the yearly value conservatively, and the rollout will confirm or correct that estimate.',
  'The project also showed what not to do next: more data of the same kind would help less than better labels.',
  'I presented the work to the wider analytics group, and the time-based validation setup became the default for new projects.',
  'Looking back, I would involve the people who use the output even earlier, because their questions shaped the best features.',
  'The model is retrained monthly by a scheduled job, and its performance is reported next to {baseline} so regressions are visible.',
  'Support for the approach grew once the {stakeholder} could explain a single prediction without my help.',
  'The same pattern, a careful label and a time-based split, has since been reused for a related problem in another market.',
  'My main lesson was that an honest baseline is worth more than a clever model, because it tells you whether the clever model matters.',
  'The write-up, the notebooks and the queries are documented well enough that a new intern reproduced the results in a day.',
];

function fill(template: string, context: Context): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(context[key as keyof Context]));
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/**
 * A section of about `target` words from a sentence pool, in paragraphs of
 * three or four sentences. Stops when the next sentence would overshoot by
 * more than it would fall short, so sections land close to their target.
 */
function section(
  pool: readonly string[],
  target: number,
  context: Context,
  random: Random,
): string[] {
  const sentences = random.shuffle(pool).map((sentence) => fill(sentence, context));
  const chosen: string[] = [];
  let words = 0;
  for (const sentence of sentences) {
    const length = countWords(sentence);
    if (words > 0 && words + length / 2 > target) break;
    chosen.push(sentence);
    words += length;
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < chosen.length;) {
    const size = random.int(3, 4);
    paragraphs.push(chosen.slice(i, i + size).join(' '));
    i += size;
  }
  return paragraphs;
}

// ---------------------------------------------------------------------------
// Code blocks and data

function pythonBlock(domain: Domain, modelIndex: number, random: Random): string {
  const model = domain.models[modelIndex] ?? domain.models[0];
  if (!model) throw new Error(`domain ${domain.key} has no model`);
  const learningRate = random.pick([0.01, 0.03, 0.05, 0.1]);
  const estimators = random.int(4, 30) * 50;
  const depth = random.int(3, 9);
  const seed = random.int(1, 9999);
  return `\`\`\`python
import numpy as np
import pandas as pd
from ${model.module} import ${model.ctor}

df = pd.read_parquet("data/${domain.table}.parquet")
train = df[df["event_date"] < "2025-01-01"]
valid = df[df["event_date"] >= "2025-01-01"]
features = [c for c in df.columns if c.startswith("f_")]

model = ${model.ctor}(learning_rate=${learningRate}, n_estimators=${estimators}, max_depth=${depth}, random_state=${seed})
model.fit(train[features], train["${domain.target}"])

scores = model.predict(valid[features])
error = np.mean(np.abs(scores - valid["${domain.target}"]))
print(f"validation error: {error:.4f}")
\`\`\``;
}

/** Three lines of Python, for a light study. */
function shortPythonBlock(domain: Domain): string {
  return `\`\`\`python
df = pd.read_parquet("data/${domain.table}.parquet")
model.fit(df[features], df["${domain.target}"])
print(model.score(valid[features], valid["${domain.target}"]))
\`\`\``;
}

/** Three lines of SQL, for a light study. */
function shortSqlBlock(domain: Domain): string {
  return `\`\`\`sql
select count(*), avg(amount)
from analytics.${domain.table}
where event_date >= date '2024-01-01';
\`\`\``;
}

function sqlBlock(domain: Domain, random: Random): string {
  const days = random.pick([7, 14, 28, 30, 90]);
  const id = `${domain.table.replace(/s$/, '').replace(/_.*$/, '')}_id`;
  return `\`\`\`sql
select
    e.${id},
    e.event_date,
    count(*) over w_recent                         as f_events_${days}d,
    avg(e.amount) over w_recent                    as f_avg_amount_${days}d,
    e.amount / nullif(avg(e.amount) over w_all, 0) as f_amount_vs_history,
    max(e.event_date) over w_all                   as f_last_seen
from analytics.${domain.table} as e
where e.event_date >= date '2023-01-01'
window
    w_recent as (partition by e.${id} order by e.event_date
                 range between interval '${days} days' preceding and current row),
    w_all    as (partition by e.${id} order by e.event_date);
\`\`\``;
}

/** 50 epochs of training and validation loss: decaying, noisy, validation slightly above. */
function historyCsv(random: Random): string {
  const start = random.float(0.8, 1.6);
  const floor = random.float(0.08, 0.3);
  const rate = random.float(0.05, 0.15);
  const gap = random.float(0.02, 0.08);
  const lines = ['epoch,loss,val_loss'];
  for (let epoch = 1; epoch <= 50; epoch++) {
    const loss = floor + (start - floor) * Math.exp(-rate * epoch) + random.float(-0.01, 0.01);
    const overfit = epoch > 35 ? (epoch - 35) * 0.002 : 0;
    const valLoss = loss + gap + overfit + random.float(-0.015, 0.015);
    lines.push(`${epoch},${loss.toFixed(4)},${valLoss.toFixed(4)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A diagonal-heavy confusion matrix for the given classes. */
function confusionMatrix(classes: number, random: Random): number[][] {
  return Array.from({ length: classes }, (_, row) =>
    Array.from({ length: classes }, (_, column) =>
      row === column ? random.int(200, 2000) : random.int(2, 120),
    ),
  );
}

// ---------------------------------------------------------------------------
// Frontmatter

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const q = (text: string) => JSON.stringify(text);

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));

function metricValues(
  template: MetricTemplate,
  random: Random,
): { value: number; baseline: number } {
  const baseline = random.float(...template.baseline);
  const gain = random.float(...template.gain);
  let value = template.goal === 'lower' ? baseline * (1 - gain) : baseline * (1 + gain);
  if (template.unit === '%') value = Math.min(value, 99.5);
  if (template.baseline[1] <= 1) value = Math.min(value, 0.99);
  return { value: round(value, template.decimals), baseline: round(baseline, template.decimals) };
}

function formatMetric(value: number, template: MetricTemplate): string {
  const number = value.toLocaleString('en-US', {
    minimumFractionDigits: template.decimals,
    maximumFractionDigits: template.decimals,
  });
  if (template.unit === '%') return `${number}%`;
  if (template.unit === '$') return `$${number}`;
  return template.unit ? `${number} ${template.unit}` : number;
}

function month(year: number, monthIndex: number): string {
  const y = year + Math.floor(monthIndex / 12);
  const m = (monthIndex % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------
// One study

export interface Study {
  slug: string;
  title: string;
  /** Casefolio frontmatter (YAML, without the --- lines). */
  frontmatter: string;
  /** Body blocks in order; components are left out of the bare baseline. */
  blocks: { kind: 'markdown' | 'component'; text: string }[];
  /** history.csv, plotted by the <Chart>; none in a light study. */
  csv?: string;
}

export function generateStudy(index: number, seed = DEFAULT_SEED, prose: Prose = 'full'): Study {
  const random = new Random(hash(`${seed}:${index}`));
  const domain = random.pick(DOMAINS);
  const slug = `${domain.key}-${random.pick(['model', 'study', 'project', 'analysis'])}-${String(index + 1).padStart(4, '0')}`;
  const title = `${random.pick(domain.titles)} (#${index + 1})`;
  const org = random.pick(ORGANIZATIONS);
  const modelIndex = random.int(0, domain.models.length - 1);
  const model = domain.models[modelIndex] ?? domain.models[0];
  if (!model) throw new Error(`domain ${domain.key} has no model`);
  const datasetName = random.pick(domain.datasets);
  const rows = random.int(20, 5000) * 1000;
  const features = random.int(8, 120);
  const access = random.pick(['public', 'internal', 'confidential'] as const);

  const metricTemplates = random.sample(
    domain.metrics,
    random.int(Math.min(2, domain.metrics.length), domain.metrics.length),
  );
  const metrics = metricTemplates.map((template) => ({
    template,
    ...metricValues(template, random),
  }));
  const primary = metrics[0];
  if (!primary) throw new Error(`domain ${domain.key} has no metric`);

  const startYear = random.int(2019, 2025);
  const startMonth = random.int(0, 11);
  const ongoing = random.chance(0.05);
  const period = ongoing
    ? `{ start: ${month(startYear, startMonth)}, end: present }`
    : `{ start: ${month(startYear, startMonth)}, end: ${month(startYear, startMonth + random.int(1, 7))} }`;

  const stakeholders = random.sample(
    domain.stakeholders,
    random.int(1, domain.stakeholders.length),
  );
  const leadStakeholder = stakeholders[0];
  if (!leadStakeholder) throw new Error(`domain ${domain.key} has no stakeholder`);

  const context: Context = {
    org,
    subject: domain.subject,
    entity: domain.entity,
    dataset: datasetName,
    model: model.name,
    baseline: domain.baseline.charAt(0).toLowerCase() + domain.baseline.slice(1),
    metric: primary.template.name,
    before: formatMetric(primary.baseline, primary.template),
    after: formatMetric(primary.value, primary.template),
    rows: rows.toLocaleString('en-US'),
    features,
    stakeholder: leadStakeholder.role,
    weeks: random.int(8, 14),
    months: random.int(12, 36),
    folds: random.int(3, 6),
    target: domain.target,
  };

  const tags = random.sample(domain.tags, random.int(2, domain.tags.length));
  const skills = random.sample(domain.skills, random.int(3, domain.skills.length));
  const hyperparameters = {
    learning_rate: random.pick([0.01, 0.03, 0.05, 0.1]),
    max_depth: random.int(3, 10),
    n_estimators: random.int(4, 30) * 50,
    early_stopping: random.chance(0.7),
  };

  const fm: string[] = [
    `title: ${q(title)}`,
    `summary: ${q(`${model.name} moved ${primary.template.name} from ${context.before} to ${context.after} against ${context.baseline}, and ${random.pick(['now runs every week', 'is in a staged rollout', 'replaced a manual process', 'shaped the next quarter’s plan'])}.`)}`,
    `organization: ${q(org)}`,
    `role: ${q(random.pick(ROLES))}`,
    `period: ${period}`,
  ];
  if (index % 25 === 0) fm.push('featured: true');
  fm.push(`tags: [${tags.map(q).join(', ')}]`, `skills: [${skills.map(q).join(', ')}]`);
  if (random.chance(0.6)) fm.push(`team: ${q(random.pick(TEAMS))}`);
  fm.push(
    'dataset:',
    `  name: ${q(datasetName)}`,
    `  description: ${q(`One row per ${domain.entity}, collected from production systems and cleaned for analysis.`)}`,
    `  source: ${q(access === 'public' ? random.pick(['Kaggle', 'UCI', 'Public open-data portal']) : random.pick(SOURCES.filter((s) => !['Kaggle', 'UCI'].includes(s))))}`,
  );
  if (access === 'public') {
    fm.push(
      `  url: https://data.example.org/${domain.key}/${index + 1}`,
      `  license: ${q(random.pick(LICENSES))}`,
    );
  }
  fm.push(
    `  rows: ${rows}`,
    `  features: ${features}`,
    `  timespan: ${q(`Jan ${startYear - 2} - Dec ${startYear - 1}`)}`,
    `  access: ${access}`,
    'model:',
    `  name: ${q(model.name)}`,
    `  task: ${domain.task}`,
    `  framework: ${q(model.framework)}`,
    `  baseline: ${q(domain.baseline)}`,
    '  hyperparameters:',
    ...Object.entries(hyperparameters).map(([key, value]) => `    ${key}: ${value}`),
    'metrics:',
  );
  metrics.forEach(({ template, value, baseline }, i) => {
    fm.push(`  - name: ${q(template.name)}`, `    value: ${value}`, `    baseline: ${baseline}`);
    if (template.unit) fm.push(`    unit: ${q(template.unit)}`);
    if (template.goal) fm.push(`    goal: ${template.goal}`);
    fm.push(`    split: ${q(template.split)}`);
    if (i === 0) fm.push('    primary: true');
    fm.push(`    description: ${q(template.description)}`);
  });
  fm.push('stakeholders:');
  for (const stakeholder of stakeholders) {
    fm.push(`  - role: ${q(stakeholder.role)}`);
    if (random.chance(0.4)) fm.push(`    name: ${q(random.pick(PEOPLE))}`);
    fm.push(
      `    team: ${q(stakeholder.team)}`,
      `    need: ${q(random.pick(NEEDS))}`,
      `    outcome: ${q(random.pick(OUTCOMES))}`,
      `    influence: ${random.pick(['high', 'medium', 'low'])}`,
    );
  }
  fm.push(
    'impact:',
    `  - ${q(`${primary.template.name} improved from ${context.before} to ${context.after}`)}`,
    `  - ${q(random.pick(OUTCOMES))}`,
  );
  if (random.chance(0.5)) {
    fm.push('links:', `  repo: https://github.com/example-intern/${slug}`);
  }
  // Without a random draw, so every later pick stays as it was before issue 19.
  fm.push(
    'responsible:',
    '  limitations:',
    `    - ${q(`Trained on data up to Dec ${startYear - 1}; not tested on ${domain.entity}s after that`)}`,
  );

  const classes = domain.labels.length;
  const matrix = confusionMatrix(classes, random);
  const blocks: Study['blocks'] = [];
  const md = (text: string) => blocks.push({ kind: 'markdown', text });
  const component = (text: string) => blocks.push({ kind: 'component', text });

  md('## Problem');
  section(PROBLEM, 120, context, random).forEach(md);
  md('## Approach');
  const approach = section(APPROACH, 200, context, random);
  const half = Math.ceil(approach.length / 2);
  approach.slice(0, half).forEach(md);
  // The light study draws the same random values, so its prose is the full one's.
  const sql = sqlBlock(domain, random);
  md(prose === 'light' ? shortSqlBlock(domain) : sql);
  approach.slice(half).forEach(md);
  const python = pythonBlock(domain, modelIndex, random);
  md(prose === 'light' ? shortPythonBlock(domain) : python);
  component(
    `<Chart src="./history.csv" x="epoch" y={["loss", "val_loss"]} title=${q(random.pick(['Training and validation loss', 'Loss by epoch', 'Learning curves']))} caption="Validation loss flattens after about epoch 30." />`,
  );
  md('## Results');
  const results = section(RESULTS, 150, context, random);
  results.slice(0, 2).forEach(md);
  component(
    `<ConfusionMatrix matrix={${JSON.stringify(matrix)}} labels={${JSON.stringify(domain.labels)}} title=${q(`Test-set confusion matrix (${classes} classes)`)} />`,
  );
  results.slice(2).forEach(md);
  md('## Impact');
  section(IMPACT, 130, context, random).forEach(md);

  const csv = historyCsv(random);
  return prose === 'light'
    ? {
        slug,
        title,
        frontmatter: fm.join('\n'),
        blocks: blocks.filter((b) => b.kind !== 'component'),
      }
    : { slug, title, frontmatter: fm.join('\n'), blocks, csv };
}

// ---------------------------------------------------------------------------
// Sites

/** The MDX file of a study: Casefolio (components, full frontmatter) or bare (title only). */
export function studyMdx(study: Study, kind: 'casefolio' | 'bare'): string {
  const frontmatter = kind === 'casefolio' ? study.frontmatter : `title: ${q(study.title)}`;
  const body = study.blocks
    .filter((block) => kind === 'casefolio' || block.kind === 'markdown')
    .map((block) => block.text)
    .join('\n\n');
  return `---\n${frontmatter}\n---\n\n${body}\n`;
}

/** Words of prose in an MDX body: headings, code blocks, components and frontmatter left out. */
export function proseWords(mdx: string): number {
  const body = mdx
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/^<[A-Z][\s\S]*?\/>$/gm, '')
    .replace(/^#+ .*$/gm, '');
  return countWords(body);
}

function profileYaml(seed = DEFAULT_SEED): string {
  const random = new Random(hash(`${seed}:profile`));
  const name = random.pick(['Maya Okafor', 'Ada Lindqvist', 'Ravi Menon', 'Lucía Ferrer']);
  return `name: ${q(name)}
headline: "Data science intern · MS Data Science"
location: Chicago, IL
bio: >-
  I build models that people use on Monday morning: classifiers, forecasts and
  experiment readouts, each with an honest baseline. This portfolio is generated
  for Casefolio's benchmark.
availability: Open to full-time data science roles from June 2026
links:
  - label: GitHub
    url: https://github.com/example-intern
skills:
  - group: Languages
    items: [Python, SQL, R]
  - group: Machine learning
    items: [scikit-learn, LightGBM, XGBoost, PyTorch]
education:
  - school: Lakeshore University
    degree: MS Data Science
    start: 2024-09
    end: 2026-05
`;
}

/** A Casefolio content folder: `profile.yaml` and `case-studies/<slug>/{index.mdx,history.csv}`. */
export function casefolioContent(n: number, seed = DEFAULT_SEED, prose: Prose = 'full'): FileMap {
  const files: FileMap = new Map([['profile.yaml', profileYaml(seed)]]);
  for (let i = 0; i < n; i++) {
    const study = generateStudy(i, seed, prose);
    files.set(`case-studies/${study.slug}/index.mdx`, studyMdx(study, 'casefolio'));
    if (study.csv !== undefined) files.set(`case-studies/${study.slug}/history.csv`, study.csv);
  }
  return files;
}

/**
 * A cohort's content folder with the same `n` case studies spread over
 * `members` interns: `cohort.yaml` and `people/<member>/` each holding a
 * profile and its share of the studies (study i goes to member i mod
 * members), so a cohort build and a single-portfolio build render the same
 * prose. Every other member is in repository form (`people/<member>/content/`).
 */
export function cohortContent(
  n: number,
  members: number,
  seed = DEFAULT_SEED,
  prose: Prose = 'full',
): FileMap {
  const tracks = ['Data Science', 'ML Engineering', 'Analytics'];
  const files: FileMap = new Map([
    [
      'cohort.yaml',
      `name: Benchmark Fellows 2026
description: A generated cohort for Casefolio's benchmark.
year: 2026
tracks: [${tracks.join(', ')}]
`,
    ],
  ]);
  const width = String(members).length;
  const folder = (member: number) => {
    const slug = `intern-${String(member + 1).padStart(width, '0')}`;
    return member % 2 === 0 ? `people/${slug}` : `people/${slug}/content`;
  };
  for (let member = 0; member < members; member++) {
    files.set(
      `${folder(member)}/profile.yaml`,
      `${profileYaml(seed + member)}track: ${tracks[member % tracks.length]}
`,
    );
  }
  for (let i = 0; i < n; i++) {
    const study = generateStudy(i, seed, prose);
    const base = `${folder(i % members)}/case-studies/${study.slug}`;
    files.set(`${base}/index.mdx`, studyMdx(study, 'casefolio'));
    if (study.csv !== undefined) files.set(`${base}/history.csv`, study.csv);
  }
  return files;
}

/** Where the notebook scenario of `npm run bench -- --notebook` puts its notebook: beside the first study. */
export const NOTEBOOK_FILE = 'fifty-figures.ipynb';

/**
 * The same content with one notebook shown on the first case study's page:
 * the notebook (`text`, its JSON) saved beside the study's `index.mdx` as
 * NOTEBOOK_FILE and a `<Notebook>` of all its cells at the end of the body.
 * Everything else is unchanged, so the site with it and the site without
 * differ by that one notebook.
 */
export function withNotebook(files: FileMap, text: string): { files: FileMap; slug: string } {
  const index = [...files.keys()].find((file) => /^case-studies\/[^/]+\/index\.mdx$/.test(file));
  if (!index) throw new Error('no case study to add a notebook to');
  const folder = path.posix.dirname(index);
  const out: FileMap = new Map(files);
  out.set(
    index,
    `${files.get(index) ?? ''}\n## The notebook\n\nEvery figure of the sweep, as the notebook saved it:\n\n<Notebook src="./${NOTEBOOK_FILE}" />\n`,
  );
  out.set(`${folder}/${NOTEBOOK_FILE}`, text);
  return { files: out, slug: path.posix.basename(folder) };
}

/**
 * The bare Astro + MDX baseline: the same prose and code blocks, no Casefolio
 * components, a `title`-only frontmatter, rendered by one `[slug].astro`
 * route through a content collection (glob loader) and a plain index page.
 * Node resolves `astro` and `@astrojs/mdx` from the main project's
 * node_modules, because the project sits under it (in .tmp/bench/).
 */
export function bareProject(n: number, seed = DEFAULT_SEED, prose: Prose = 'full'): FileMap {
  const files: FileMap = new Map([
    [
      'astro.config.mjs',
      `import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  integrations: [mdx()],
  // The one bundler warning Casefolio also silences (withastro/astro#18087): printed
  // once per MDX file, it would make the baseline pay for 1,000 code frames.
  vite: {
    build: {
      rollupOptions: {
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
});
`,
    ],
    [
      'src/content.config.ts',
      `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const studies = defineCollection({
  loader: glob({
    pattern: '*/index.mdx',
    base: './src/content/studies',
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
});

export const collections = { studies };
`,
    ],
    [
      'src/pages/[slug].astro',
      `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const studies = await getCollection('studies');
  return studies.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---

<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width" />
    <title>{entry.data.title}</title>
  </head>
  <body>
    <main>
      <h1>{entry.data.title}</h1>
      <Content />
    </main>
  </body>
</html>
`,
    ],
    [
      'src/pages/index.astro',
      `---
import { getCollection } from 'astro:content';

const studies = await getCollection('studies');
---

<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width" />
    <title>Case studies</title>
  </head>
  <body>
    <main>
      <h1>Case studies</h1>
      <ul>{studies.map((entry) => <li><a href={\`/\${entry.id}/\`}>{entry.data.title}</a></li>)}</ul>
    </main>
  </body>
</html>
`,
    ],
  ]);
  for (let i = 0; i < n; i++) {
    const study = generateStudy(i, seed, prose);
    files.set(`src/content/studies/${study.slug}/index.mdx`, studyMdx(study, 'bare'));
  }
  return files;
}

/** Writes a file map under `dir` (the only function here that touches the file system). */
export function writeFiles(dir: string, files: FileMap): void {
  const made = new Set<string>();
  for (const [relative, text] of files) {
    const full = path.join(dir, relative);
    const parent = path.dirname(full);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(full, text);
  }
}
