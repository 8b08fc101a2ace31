import { createReadStream } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../settings.ts';
import { adminPaths, withBase } from '../utils/navigation/paths.ts';
import { DECAP_TYPES, decapDir, decapFiles } from './decap-files.ts';
import { localBackend } from './local-backend.ts';

/**
 * The CMS at /admin/ (src/pages/admin/ makes its page and configuration). Decap's files are copied
 * into the build's admin/ folder as the package ships them, never bundled; `npm run dev` serves them
 * from node_modules and runs the local backend on its own server, at /admin/api/.
 */
export function cms(): AstroIntegration {
  let base = '/';
  return {
    name: 'cms',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:server:setup': ({ server, logger }) => {
        // decap-server and its Express are loaded by the editor's first call, not before the dev server may start.
        let api: ReturnType<typeof localBackend> | undefined;
        // decap-server answers at /api/v1 of its own app.
        server.middlewares.use(withBase(adminPaths.localBackend, base), (req, res, next) => {
          req.url = '/api/v1/';
          (api ??= localBackend(contentDir(), logger)).then((handle) => handle(req, res, next), next);
        });
        const dir = decapDir();
        const files = new Set(decapFiles(dir));
        server.middlewares.use(withBase(adminPaths.page, base), (req, res, next) => {
          const name = (req.url ?? '').split('?')[0].slice(1);
          if (!files.has(name)) return next();
          res.setHeader('Content-Type', DECAP_TYPES[path.extname(name)]);
          createReadStream(path.join(dir, name)).pipe(res);
        });
        logger.info(`éditeur du contenu : ${withBase(adminPaths.page, base)}`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const start = performance.now();
        const from = decapDir();
        const to = path.join(fileURLToPath(dir), 'admin');
        await mkdir(to, { recursive: true });
        const files = decapFiles(from);
        await Promise.all(files.map((name) => copyFile(path.join(from, name), path.join(to, name))));
        const bytes = (await Promise.all(files.map((name) => stat(path.join(to, name))))).reduce((sum, s) => sum + s.size, 0);
        logger.info(
          `admin/ : ${files.length} fichiers de Decap CMS copiés (${(bytes / 2 ** 20).toFixed(1)} Mo) en ${Math.round(performance.now() - start)} ms`,
        );
      },
    },
  };
}
