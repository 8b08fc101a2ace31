/**
 * How many pages Astro renders at once (`build.concurrency`, astro.config.ts) and preview images a build writes
 * at once (preview-images.ts), also what `npm run bench:previews` compares: each page is written twice (output
 * and incremental cache) and each image is drawn off the main thread, which otherwise waits (README,
 * « Passage à l’échelle »).
 */
export const PAGES_IN_FLIGHT = 16;
