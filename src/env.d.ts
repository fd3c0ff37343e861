declare module 'virtual:casefolio/config' {
  const config: import('./virtual-config.ts').ResolvedConfig;
  export default config;
}

declare namespace App {
  interface Locals {
    /** The case study being rendered, for MDX components that read its frontmatter. */
    caseStudy?: import('./data/portfolio.ts').CaseStudy;
  }
}
