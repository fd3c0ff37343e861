/**
 * The only chart code a page loads up front: it waits for a reader to reach
 * for a chart (a pointer over it, a tap, keyboard focus on its legend or data
 * table) and only then loads Chart.js (`charts.ts`, its own chunk) to draw
 * the live chart over the static one. A reader who only looks loads none of
 * it: the chart they see is the build's drawing.
 *
 * A legend toggle pressed while Chart.js is still loading is not lost: it is
 * pressed again once the live chart is there to hide the series.
 */

const FIGURE = 'figure[data-chart]';

let chartModule: Promise<typeof import('./charts.ts')> | undefined;

function figureOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(FIGURE) : null;
}

/** Loads the chart module once and draws the figure live; a failure leaves the static drawing. */
function wake(figure: HTMLElement): Promise<void> {
  chartModule ??= import('./charts.ts');
  return chartModule.then(
    ({ enhance }) => enhance(figure),
    (error: unknown) => {
      // Offline, or the chunk is gone after a deploy: the drawing and table stay.
      chartModule = undefined;
      console.error('Casefolio: the chart module could not be loaded.', error);
    },
  );
}

function onReach(event: Event): void {
  const figure = figureOf(event.target);
  if (figure && figure.dataset['chartState'] === undefined) void wake(figure);
}

function onClick(event: MouseEvent): void {
  const target = event.target instanceof Element ? event.target : null;
  const button = target?.closest<HTMLButtonElement>('.chart__legend-item');
  const figure = figureOf(button ?? null);
  if (!button || !figure || figure.dataset['chartState'] !== undefined) return;
  void wake(figure).then(() => {
    if (figure.dataset['chartState'] === 'ready') button.click();
  });
}

if (document.querySelector(FIGURE)) {
  for (const type of ['pointerover', 'focusin', 'touchstart']) {
    document.addEventListener(type, onReach, { passive: true });
  }
  document.addEventListener('click', onClick);
}
