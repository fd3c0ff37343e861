declare module 'virtual:casefolio/config' {
  const config: import('./integration/vite/virtual-config.ts').ResolvedConfig;
  export default config;
}

declare module 'virtual:casefolio/collections-config' {
  /** The same config, served before the content check ends: for src/content.config.ts only. */
  const config: import('./integration/vite/virtual-config.ts').ResolvedConfig;
  export default config;
}

declare module 'virtual:casefolio/images' {
  /** Lazy imports of every image in the content folder, keyed by absolute path. */
  const images: Record<string, () => Promise<{ default: import('astro').ImageMetadata }>>;
  export default images;
}

declare module 'virtual:casefolio/notebook-images' {
  /** Lazy imports of every image decoded from a notebook for the pages, keyed by absolute path. */
  const images: Record<string, () => Promise<{ default: import('astro').ImageMetadata }>>;
  export default images;
}

declare namespace App {
  interface Locals {
    /** The case study being rendered, for MDX components that read its frontmatter. */
    caseStudy?: import('./site/portfolio.ts').CaseStudy;
    /** The page's language when it is not the site's: a case study's `locale:` (site/ui.ts). */
    locale?: import('./i18n/locales.ts').Locale;
    /** The names `<Notebook>` has given the page's notebooks so far (site/notebooks.ts). */
    notebookNames?: Set<string>;
  }
}
