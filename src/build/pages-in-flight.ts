/**
 * How many pages Astro renders at once (`build.concurrency`, astro.config.ts), also what `npm run bench:previews`
 * compares: each page is written twice (output and incremental cache) and each preview image is drawn off the
 * main thread, which otherwise waits (README, « Passage à l’échelle »).
 */
export const PAGES_IN_FLIGHT = 16;
