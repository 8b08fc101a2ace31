import type { LoaderContext } from 'astro/loaders';
import { startWorker } from '../../build/worker-thread.ts';
import { formatReport, type Problem } from '../report/problems.ts';

/**
 * `npm run dev`'s view of the whole content folder: the report `npm run check` prints, made in a worker
 * thread so that the dev server starts and serves pages meanwhile, then made again after each change
 * of a content file, re-reading only what changed. Printed when it changes.
 */
export function watchContentChecks(dir: string, context: Pick<LoaderContext, 'logger' | 'watcher'>): void {
  const worker = startWorker(new URL('./dev-checks-worker.ts', import.meta.url), { workerData: { dir } });
  worker.unref();
  let last: string | undefined;
  worker.on('message', (problems: Problem[]) => {
    const report = problems.length ? formatReport(problems) : '';
    if (report === last) return;
    if (report) context.logger.warn(`Contenu à corriger (le site de développement continue) :\n${report}`);
    else if (last !== undefined) context.logger.info('Contenu vérifié : plus aucun problème.');
    last = report;
  });
  worker.on('error', (error: Error) => context.logger.error(`Vérification du contenu impossible : ${error.message}`));
  let timer: NodeJS.Timeout | undefined;
  const again = (file: string) => {
    if (!file.startsWith(dir)) return;
    clearTimeout(timer);
    // One check for a burst of saves (an editor's "save all", a git checkout).
    timer = setTimeout(() => worker.postMessage('check'), 100);
  };
  for (const event of ['add', 'change', 'unlink'] as const) context.watcher?.on(event, again);
  worker.postMessage('check');
}
