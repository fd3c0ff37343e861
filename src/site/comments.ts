import config from 'virtual:casefolio/config';
import type { CommentsEmbed } from '../comments/giscus.ts';

/** giscus on case-study pages (`casefolio({ comments })`), or undefined: off by default. */
export function commentsOnCaseStudies(): CommentsEmbed | undefined {
  return config.comments;
}
