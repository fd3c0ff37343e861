import type { APIRoute, GetStaticPaths } from 'astro';
import config from 'virtual:casefolio/config';
import { getCaseStudies, getCohort, getProfile } from '../site/portfolio.ts';
import { cohortOgCard, portfolioOgCards, type OgCard } from './card.ts';
import { ogImageResponse } from './image.ts';

/**
 * The link-preview cards in `astro dev`, painted on request:
 * /og/case-studies/<slug>.png and /og/home.png. A production build does not
 * use this route; it paints the same cards in the background and copies them
 * into the output (src/og/cards.ts).
 */
export const getStaticPaths = (async () => {
  const cohort = getCohort();
  const members = config.cohort?.members ?? [undefined];
  const studies = await getCaseStudies();
  const cards = await Promise.all(
    members.map(async (member) =>
      portfolioOgCards(
        studies.filter((study) => study.member === member),
        await getProfile(member),
        member,
        config.locale,
      ),
    ),
  );
  const all = [
    ...cards.flat(),
    ...(cohort ? [cohortOgCard(cohort, members.length, config.locale)] : []),
  ];
  return all.map(({ path, card }) => ({
    params: { card: path.replace(/^og\//, '') },
    props: { card, path },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard; path: string }> = ({ props }) =>
  ogImageResponse(props.card, props.path, config.root);
