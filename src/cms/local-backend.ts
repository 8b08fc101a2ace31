/**
 * The CMS's local backend for `npm run dev`: decap-server, as its package ships it, reads the content
 * folder, behind a guard that keeps the project's rules and writes the saves itself. Only this computer may call it. A
 * new sector gets its file name and its next free order as with `npm run new-sector`, and never takes
 * an existing file. Every save is checked first, as `npm run check` would check the folder with it:
 * with a problem, nothing is written and the writer reads the same French report in the editor.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { checkContent, type ChecksMemo } from '../checks/content-checks.ts';
import { displayPath, formatReport, type Problem } from '../checks/report/problems.ts';
import { sectorSchema } from '../checks/files/schema.ts';
import { siteIndex } from '../checks/files/site-index.ts';
import { alreadyThere, placeNewSector } from '../utils/files/new-sector.ts';
import { writeWholeFileSync } from '../utils/files/write-whole.ts';
import { dateFields } from './fields.ts';
import { frontmatterFormat } from './frontmatter-format.ts';

type Next = (error?: unknown) => void;
type Handler = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

interface Request extends IncomingMessage {
  body?: { action?: string; params?: PersistParams };
}
interface Response extends ServerResponse {
  status(code: number): Response;
  json(body: unknown): void;
}
interface DataFile {
  path: string;
  raw: string;
  newPath?: string;
}
interface PersistParams {
  entry?: DataFile;
  dataFiles?: DataFile[];
  assets?: unknown[];
  options?: { newEntry?: boolean; collectionName?: string };
}
interface Express extends Handler {
  disable(setting: string): void;
  post(route: string, ...handlers: ((req: Request, res: Response, next: Next) => void)[]): void;
}
interface ExpressModule {
  (): Express;
  json(options: { limit: string }): (req: Request, res: Response, next: Next) => void;
}
interface Logger {
  info(message: string): void;
}

/** What decap-server may do here: read the content, and save an entry through the guard. */
const READS = new Set(['info', 'entriesByFolder', 'entriesByFiles', 'getEntry', 'getMedia', 'getMediaFile', 'getDeployPreview']);
const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/;

/**
 * From a page of this computer's dev server: the connection, the name the browser used (a page of
 * another site that resolves its name to this computer is refused) and the page's origin.
 */
function fromThisComputer(req: IncomingMessage): boolean {
  const host = req.headers.host ?? '';
  const origin = req.headers.origin;
  return (
    LOOPBACK_ADDRESSES.has(req.socket.remoteAddress ?? '') &&
    LOOPBACK_HOST.test(host) &&
    (origin === undefined || origin === `http://${host}` || origin === `https://${host}`)
  );
}

const problemKey = (p: Problem) => `${p.file}\n${p.line ?? ''}\n${p.message}`;

/**
 * The problems a save would bring: every problem of the saved file, and those it would cause in others.
 * `memo` keeps each file's checks by its text: only the saved file is parsed again.
 */
function problemsOfSave(dir: string, file: string, source: string, memo: ChecksMemo): Problem[] {
  const after = checkContent(dir, { pending: { file, source }, memo });
  const own = after.filter((p) => p.file === file);
  const elsewhere = after.filter((p) => p.file !== file);
  if (!elsewhere.length) return own;
  const before = new Set(checkContent(dir, { memo }).map(problemKey));
  return [...own, ...elsewhere.filter((p) => !before.has(problemKey(p)))];
}

export async function localBackend(dir: string, logger: Logger): Promise<Handler> {
  // Required here, in dev only: decap-server is a development dependency.
  const require = createRequire(import.meta.url);
  // The library's entry, not the package's main, which is the command line server and listens at once.
  const middlewares = require.resolve('decap-server/dist/middlewares.js');
  const { registerLocalFs } = require(middlewares) as { registerLocalFs(app: Express, options: { logLevel: string }): Promise<void> };
  // The express decap-server is built with.
  const express = createRequire(middlewares)('express') as ExpressModule;
  const format = frontmatterFormat(dateFields());
  const sectorKeys = Object.keys(sectorSchema.shape);
  const memo: ChecksMemo = new Map();

  function persist(req: Request, res: Response) {
    const refuse = (status: number, error: string) => res.status(status).json({ error });
    const params = req.body?.params ?? {};
    const files = params.dataFiles ?? (params.entry ? [params.entry] : []);
    if (files.length !== 1 || params.assets?.length) return refuse(422, 'Rien n’a été enregistré : l’éditeur local enregistre une page à la fois, sans image.');
    const [data] = files;
    if (data.newPath) return refuse(422, 'Rien n’a été enregistré : renommer un fichier changerait l’adresse de la page, et les liens vers elle.');
    const target = path.resolve(dir, data.path);
    const inContent = path.relative(dir, target);
    if (inContent.startsWith('..') || path.isAbsolute(inContent))
      return refuse(403, 'Rien n’a été enregistré : l’éditeur local n’écrit que dans le dossier du contenu.');
    const isNew = params.options?.newEntry === true;
    let raw = data.raw;
    if (isNew) {
      if (existsSync(target)) return refuse(409, alreadyThere(displayPath(target)));
      if (params.options?.collectionName === 'secteurs') {
        const entry = format.fromFile(raw);
        const place = placeNewSector(
          String(entry.title ?? ''),
          siteIndex(dir).entries.filter((e) => e.kind === 'sector'),
          displayPath,
        );
        if ('refusal' in place) return refuse(409, place.refusal);
        const expected = path.join(dir, 'secteurs', place.fileName);
        if (target !== expected)
          return refuse(
            422,
            `Rien n’a été créé : le fichier serait ${displayPath(target)} au lieu de ${displayPath(expected)}. Rechargez la page de l’éditeur, puis recommencez.`,
          );
        if (entry.order === undefined || entry.order === '') raw = format.toFile({ ...entry, order: place.order }, sectorKeys);
      }
    } else if (!existsSync(target)) {
      return refuse(409, `Rien n’a été enregistré : ${displayPath(target)} n’existe plus. Rechargez la page de l’éditeur.`);
    }
    const problems = problemsOfSave(dir, target, raw, memo);
    if (problems.length) return refuse(422, `Rien n’a été enregistré, le contenu est à corriger. ${formatReport(problems)}`);
    // Written here rather than by decap-server (which truncates the file, then writes it): the dev
    // server watching the folder never reads half a page. Its answer is decap-server's.
    writeWholeFileSync(target, raw);
    logger.info(`${isNew ? 'créé' : 'enregistré'} : ${displayPath(target)}`);
    res.json({ message: 'entry persisted' });
  }

  // One save at a time, from the check to the write, so that two saves of one new title cannot both
  // pass: persist() is synchronous, and Node runs it whole before the next request.
  function guard(req: Request, res: Response, next: Next) {
    const action = req.body?.action;
    if (!fromThisComputer(req)) return res.status(403).json({ error: 'L’éditeur local n’accepte que les demandes des pages de cet ordinateur.' });
    if (action !== undefined && READS.has(action)) return next();
    if (action !== 'persistEntry')
      return res.status(403).json({ error: `Action impossible avec l’éditeur local : ${String(action)}. Il lit et enregistre les pages, rien d’autre.` });
    try {
      persist(req, res);
    } catch (error) {
      res.status(500).json({ error: `Rien n’a été enregistré : ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  const app = express();
  app.disable('x-powered-by');
  app.post('/api/v1', express.json({ limit: '50mb' }), guard);
  // decap-server reads its folder from this variable when it registers, and has no option for it.
  const previous = process.env.GIT_REPO_DIRECTORY;
  process.env.GIT_REPO_DIRECTORY = dir;
  try {
    await registerLocalFs(app, { logLevel: 'warn' });
  } finally {
    if (previous === undefined) delete process.env.GIT_REPO_DIRECTORY;
    else process.env.GIT_REPO_DIRECTORY = previous;
  }
  return app;
}
