/**
 * English: the dictionary every other language matches. Its shape is
 * `Dictionary`, so a translation missing a key, or with one too many, is a
 * type error (and `tests/unit/i18n/dictionaries.test.ts` compares the keys).
 *
 * Strings with values in them are functions; a count goes through
 * `Intl.PluralRules` (`plural` below), never `n === 1`, since Arabic has six
 * plural forms and Chinese one. Numbers reach these functions already
 * formatted for the language, as text.
 */

/** The plural categories CLDR names; each language fills the ones it uses (`other` always). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export const en = {
  /** The link that skips past the header, first on every page. */
  skipToContent: 'Skip to content',
  /** The main navigation's name for screen readers, and its links. */
  nav: {
    label: 'Main',
    caseStudies: 'Case studies',
    resume: 'Résumé',
    search: 'Search',
    people: 'People',
  },
  /** Between the items of a list of names (skills): `, ` in English, `、` in Chinese. */
  listSeparator: ', ',
  /** The footer's line after the owner's name. */
  footer: 'Portfolio built with Casefolio',
  theme: {
    /** The toggle's label before its script has run. */
    toggle: 'Switch theme',
    toLight: 'Switch to light theme',
    toDark: 'Switch to dark theme',
  },
  /** The RSS feed's title in the page head. */
  feedTitle: (owner: string) => `${owner}: case studies`,
  /** The RSS feed's own description. */
  feedDescription: (owner: string, headline: string) => `Case studies by ${owner}: ${headline}`,

  home: {
    caseStudies: 'Case studies',
    browse: 'Browse by skill or topic',
    none: 'No case studies yet.',
    avatarAlt: (name: string) => `Photo of ${name}`,
    resumePdf: 'Résumé (PDF)',
  },
  labels: {
    skills: 'Skills',
    topics: 'Topics',
    tags: 'Tags',
    /** A count of case studies, `{count}` the number as written in the language. */
    caseStudies: { one: '{count} case study', other: '{count} case studies' } as PluralForms,
    /** The heading of a tag or skill page: "Topic: churn". */
    topicPage: (label: string) => `Topic: ${label}`,
    skillPage: (label: string) => `Skill: ${label}`,
    /** A tag or skill page's description; `caseStudies` is the count in words ("3 case studies"). */
    topicDescription: (caseStudies: string, label: string) =>
      `${caseStudies} with the topic ${label}.`,
    skillDescription: (caseStudies: string, label: string) =>
      `${caseStudies} with the skill ${label}.`,
    allCaseStudies: 'All case studies',
  },
  filter: {
    /** What the home page's filter narrows, one and many. */
    item: 'case study',
    items: 'case studies',
    summary: 'Filter by skill or topic',
    /** May hold `<strong>`: it is the dictionary's own HTML, never content. */
    hint: 'A case study shows when it has <strong>all</strong> the skills and topics you select.',
    empty: 'None has every selected skill and topic.',
    selected: 'Selected filters',
    clear: 'Clear filters',
    sortBy: 'Sort by',
    /** The status line the filter's script fills in: `{shown}`, `{total}` and `{items}` are replaced in the browser. */
    showing: 'Showing {shown} of {total} {items}',
    /** A selected option's remove button: `{label}` is the option, `{kind}` its group ("Skills"). */
    remove: 'Remove {label} ({kind})',
  },
  card: {
    by: 'by',
    featured: 'Featured',
    draft: 'Draft',
    groupsMark: 'Evaluated across groups',
  },
  metric: {
    vsBaseline: 'vs baseline',
    /** The unit of a change between two percentages: 41% to 64% is `+23 pp`. */
    percentagePoints: 'pp',
    better: 'better',
    worse: 'worse',
    unchanged: 'no change',
    headline: 'Headline result',
    lowerIsBetter: 'Lower is better',
    higherIsBetter: 'Higher is better',
    measuredOn: (split: string) => `Measured on: ${split}`,
    from: 'From',
    run: 'run',
    commit: 'commit',
  },
  caseStudy: {
    byline: 'Case study by',
    draft: 'Draft: not published',
    atAGlance: 'At a glance',
    role: 'Role',
    organization: 'Organization',
    period: 'Period',
    team: 'Team',
    stack: 'Stack',
    more: (count: string) => `+${count} more`,
    keyResults: 'Key results',
    businessImpact: 'Business impact',
    stakeholders: 'Stakeholders',
    needed: 'Needed:',
    outcome: 'Outcome:',
    links: 'Links',
    modelCardLink: 'Model card (Markdown)',
    morePages: 'More case studies',
    previous: 'Previous case study',
    next: 'Next case study',
  },
  dataset: {
    heading: 'Dataset',
    rows: 'Rows',
    features: 'Features',
    source: 'Source',
    timespan: 'Timespan',
    license: 'License',
    quality: 'Data quality',
    missing: 'Missing values',
    duplicates: 'Duplicates',
    labels: 'Labels',
    cleaning: 'Cleaning steps',
    view: 'View the dataset',
    access: {
      public: 'Public data',
      internal: 'Internal data',
      confidential: 'Confidential data',
    },
  },
  model: {
    heading: 'Model',
    model: 'Model',
    task: 'Task',
    framework: 'Framework',
    baseline: 'Baseline',
    hyperparameters: 'Hyperparameters',
    parameter: 'Parameter',
    value: 'Value',
    tasks: {
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
    },
  },
  influence: {
    high: 'High influence',
    medium: 'Medium influence',
    low: 'Low influence',
  },
  projectLinks: {
    repo: 'Code repository',
    demo: 'Live demo',
    notebook: 'Notebook',
    slides: 'Slides',
    report: 'Report',
    paper: 'Paper',
    video: 'Video',
  },
  responsible: {
    heading: 'Responsible ML',
    intendedUse: 'Intended use',
    outOfScope: 'Out of scope:',
    limitations: 'Limitations',
    risks: 'Risks and mitigations',
    mitigation: 'Mitigation:',
    noneStated: 'none stated',
    byGroup: (attribute: string) => `Performance by ${attribute}`,
  },
  fairness: {
    /**
     * Whether a metric's label is lowercased inside a sentence (`Recall and
     * false positive rate`): not in German, whose nouns keep their capitals,
     * nor in languages without letter case around Latin names.
     */
    lowercaseLabels: true,
    /** The table's caption and the chart's title: "Recall and false positive rate by issuing region". */
    title: (metrics: string, attribute: string) => `${metrics} by ${attribute}`,
    tooFew: 'too few examples to read',
    /**
     * The sentence naming a metric's largest gap, in three pieces around
     * the worst group's name and the best group's (which the page
     * emphasises): "Recall is lowest for | abroad | : 0.61, against 0.83
     * for | domestic | (gap 0.22)." `extreme` is `lowest` for a
     * higher-is-better metric.
     */
    gap: (
      metric: string,
      extreme: 'lowest' | 'highest',
      worst: string,
      best: string,
      gap: string,
    ): [string, string, string] => [
      `${metric} is ${extreme} for `,
      `: ${worst}, against ${best} for `,
      ` (gap ${gap}).`,
    ],
    noGap: (metric: string) => `${metric}: fewer than two groups large enough to compare.`,
    intro: (attribute: string) => `Each metric for every ${attribute} group, from`,
    lowerIsBetter: 'lower is better',
    higherIsBetter: 'higher is better',
    examples: 'Examples',
    noValue: 'no value',
    notGiven: 'not given',
    smallNote: (size: string) =>
      `Groups with fewer than ${size} examples are flagged: too few to read, and left out of the gaps.`,
    emptyNote: '— marks a value the file leaves empty or gives as no number (NaN).',
    noCountsNote: 'The file gives no example counts, so group sizes are unknown.',
    chartCaption: (attribute: string) =>
      `One bar per ${attribute} group; the table above holds the values.`,
  },
  dates: {
    present: 'Present',
    ongoing: 'ongoing',
  },
  callout: {
    note: 'Note',
    insight: 'Insight',
    warning: 'Warning',
  },
  chart: {
    /** A chart's data table, closed: "Data table (808 rows)". */
    tableSummary: {
      one: 'Data table ({count} row)',
      other: 'Data table ({count} rows)',
    } as PluralForms,
    /** After a chart's caption when its table was thinned: "(120 of 5,000 rows shown…)". */
    downsampled: (shown: string, total: string) =>
      `(${shown} of ${total} rows shown, keeping the shape of each series.)`,
    legend: 'Series (press to hide or show)',
    /** A chart's accessible name: "Line chart: loss, val_loss by epoch, 40 points. …". */
    summary: (
      type: 'line' | 'bar' | 'horizontalBar' | 'scatter',
      columns: string,
      x: string,
      points: string,
    ) =>
      `${{ line: 'Line chart', bar: 'Bar chart', horizontalBar: 'Horizontal bar chart', scatter: 'Scatter plot' }[type]}: ${columns} by ${x}, ${points}. The data table has every plotted value.`,
    points: { one: '{count} point', other: '{count} points' } as PluralForms,
    data: (title: string) => `${title}: data`,
    noUnit: 'no unit',
  },
  /** The axes of a ROC or precision-recall curve drawn from its file, and the chance line. */
  curves: {
    falsePositiveRate: 'False positive rate',
    truePositiveRate: 'True positive rate',
    recall: 'Recall',
    precision: 'Precision',
    chance: 'Chance',
  },
  /** `<MetricsChart>`: the frontmatter's metrics as bars, and its table. */
  metricsChart: {
    metric: 'Metric',
    result: 'Result',
    baseline: 'Baseline',
    change: 'Change',
    /** The chart's accessible name: what it plots. */
    summary: (metrics: string, baselines: boolean, unit: string | undefined) =>
      `Bar chart: ${metrics}, result${baselines ? ' against baseline' : ''}${unit ? ` in ${unit}` : ''}. The data table has every value.`,
  },
  confusion: {
    explain:
      'Rows are the true class, columns the predicted class; percentages are shares of each row.',
    accuracy: (percent: string) => `Accuracy ${percent}.`,
    corner: 'True \\ Predicted',
  },
  notebook: {
    kind: 'Jupyter notebook',
    /** Before the cells a `<Notebook cells>` shows: `cells "fit", 12`. */
    cell: 'cell',
    cells: 'cells',
    /** Names an output region for screen readers: "Output of In [12] in analysis.ipynb". */
    outputOf: (prompt: string, notebook: string) => `Output of ${prompt} in ${notebook}`,
    /** Under a long output cut short. */
    linesNotShown: {
      one: '{count} more line not shown',
      other: '{count} more lines not shown',
    } as PluralForms,
  },
  /** A cohort's pages: its home with a card per intern, and every case study. */
  cohort: {
    description: (name: string) => `The interns of ${name} and their case studies.`,
    browseAll: 'Browse every case study',
    programSite: 'The program’s site',
    people: 'People',
    none: 'No members yet.',
    /** What the home page's filter narrows, one and many. */
    person: 'person',
    persons: 'people',
    filterSummary: 'Filter by skill, task, organization or track',
    filterHint: 'A person shows when they have <strong>all</strong> the values you select.',
    filterEmpty: 'Nobody has every selected value.',
    sortName: 'Name',
    browse: 'Browse case studies by skill or topic',
    studiesTitle: 'Case studies',
    studiesDescription: (name: string) =>
      `Every case study of ${name}, by skill, task, organization, track and person.`,
    studiesSummary: 'Filter by skill, task, organization, track or person',
    studiesHint: 'A case study shows when it has <strong>all</strong> the values you select.',
    studiesEmpty: 'None has every selected value.',
    /** Before a card's track and skills, for screen readers. */
    trackLabel: 'Track:',
    skillsLabel: 'Skills:',
    /** Before the case study a card's best result is from: "in Churn model". */
    in: 'in',
    facets: {
      skills: 'Skills',
      task: 'Model task',
      organization: 'Organization',
      track: 'Track',
      person: 'Person',
    },
  },
  resume: {
    title: 'Résumé',
    description: (name: string, headline: string) => `Résumé of ${name}: ${headline}`,
    otherFormats: 'Other formats',
    pdf: 'PDF résumé',
    json: 'JSON Resume',
    contact: 'Contact',
    projects: 'Selected projects',
    experience: 'Experience',
    education: 'Education',
    skills: 'Skills',
    /** A project's result against its baseline: "+0.33 vs 0.38 baseline, better". */
    comparison: (delta: string, baseline: string, verdict: string) =>
      `${delta} vs ${baseline} baseline, ${verdict}`,
  },
  notFound: {
    title: 'Page not found',
    description: 'This page does not exist.',
    text: 'The page you were looking for is not here; it may have moved or been renamed.',
    /** The link to the home page, and the rest of its sentence after it. */
    home: 'Go to the home page',
    homeAfter: ' to see every case study.',
    recent: 'Recent case studies',
  },
  search: {
    title: 'Search',
    heading: 'Search case studies',
    description: (site: string) => `Search the case studies of ${site}.`,
    /** Each note is words, a link, and the rest of the sentence after the link. */
    noScript: 'Search needs JavaScript.',
    browseAll: 'Browse all case studies',
    noScriptAfter: ', or by skill and topic on the home page.',
    dev: 'Search works in the built site:',
    devMeanwhile: 'Meanwhile,',
    browseAllLower: 'browse all case studies',
    devAfter: '.',
    unavailable: 'Search could not load.',
    unavailableAfter: ' instead.',
  },
  /** Papers, posters and talks (content/publications.bib, profile.yaml's publications:). */
  publications: {
    heading: 'Publications',
    types: {
      paper: 'Paper',
      preprint: 'Preprint',
      thesis: 'Thesis',
      poster: 'Poster',
      talk: 'Talk',
    },
    links: {
      doi: 'DOI',
      arxiv: 'arXiv',
      pdf: 'PDF',
      code: 'Code',
      slides: 'Slides',
      url: 'Web page',
    },
    /** After a link's visible text, for screen readers: "PDF: <title>". */
    linkFor: (title: string) => `: ${title}`,
    /** Before the case studies that cite a publication. */
    caseStudies: 'Case study:',
    bibtex: 'BibTeX',
    /** After "BibTeX", for screen readers. */
    bibtexFor: (title: string) => ` of ${title}`,
    /** After the authors when the list goes on (BibTeX's `and others`). */
    etAl: 'et al.',
    /** The JSON Resume entry's summary: "Paper by Ada Lovelace, Jan van der Berg". */
    summary: (type: string, authors: string) => `${type} by ${authors}`,
  },
  /** giscus comments at the end of a case study (casefolio({ comments })). */
  comments: {
    heading: 'Comments',
    /** Without JavaScript: the words, the link to the Discussions, and the rest. */
    noScript: 'Comments need JavaScript. You can read and join them on',
    discussions: 'GitHub Discussions',
    noScriptAfter: '.',
    show: 'Show comments',
    note: 'Comments load from giscus.app when you open them; to write one, you sign in with GitHub.',
    failed: 'Comments could not be loaded. Read them on',
    failedAfter: '.',
  },
  og: {
    caseStudy: 'Case study',
    portfolio: 'Portfolio',
    vsBaseline: 'vs baseline',
    /** A cohort's card: "Cohort 2026" and how many interns it shows. */
    cohort: (year: string | undefined) => (year ? `Cohort ${year}` : 'Cohort'),
    interns: { one: '{count} intern', other: '{count} interns' } as PluralForms,
  },
  /**
   * The headings `npm run check` asks every case study in this language to
   * have (the `sections` lint), unless `casefolio({ sections })` names others.
   */
  sections: ['Problem', 'Approach', 'Results', 'Impact'],
};

/** What every language's dictionary holds: English's keys, with the same functions. */
export type Dictionary = typeof en;
