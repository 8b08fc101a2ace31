import path from 'node:path';

/**
 * What the environment chooses, read in one place: the content folder, the cache folder, the address
 * of the « Modifier cette page » links, whether Astro runs its dev server, and where the CMS publishes.
 * Paths are resolved from the working directory: every command runs from
 * the project's root (npm scripts do, and scripts/build.ts moves there). astro.config.ts, the content loaders, the checks and the scripts all
 * ask here, so that two of them never disagree on a default.
 */

type Env = Record<string, string | undefined>;

/** The editor's content folder: `CONTENT_DIR` (absolute or relative to the project), default `content`. */
export function contentDir(env: Env = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env.CONTENT_DIR?.trim() || 'content');
}

/** The site's own pages (src/pages), which the checks list: a link may lead there, an alias may not take their address. */
export function pagesDir(): string {
  return path.resolve('src/pages');
}

/** The files served as they are (public/): an image address starting with "/" is one of them. */
export function publicDir(): string {
  return path.resolve('public');
}

/** Astro's cache folder (`ASTRO_CACHE_DIR`, default `node_modules/.astro`); the preview images are cached there too. */
export function cacheDir(env: Env = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env.ASTRO_CACHE_DIR?.trim() || 'node_modules/.astro');
}

/**
 * `EDIT_URL`: where a content file can be edited, its path from the repository's root appended
 * (https://github.com/compte/depot/edit/main/ gives …/edit/main/content/secteurs/finance.md). Unset: no
 * « Modifier cette page » link. A final "/" is added if missing; anything but an http(s) address stops the build.
 */
export function editBaseUrl(env: Env = process.env): string | undefined {
  const value = env.EDIT_URL?.trim();
  if (!value) return undefined;
  const url = URL.parse(value);
  if (!url || !/^https?:$/.test(url.protocol))
    throw new Error(`EDIT_URL doit être une adresse web complète (valeur actuelle : « ${value} »), par exemple https://github.com/compte/depot/edit/main/`);
  return value.endsWith('/') ? value : `${value}/`;
}

/**
 * Drafts (`draft: true`) and on-page content problems are shown by `astro dev` only. The signal is
 * Astro's command, recorded by the integration below, not NODE_ENV or import.meta.env.PROD: a shell or
 * a test runner may set NODE_ENV to anything, and a draft must never be published because of it.
 * Unset means "build".
 */
const DEV_SERVER_FLAG = 'PE_DEV_SERVER';

export function isDevServer(env: Env = process.env): boolean {
  return env[DEV_SERVER_FLAG] === '1';
}

/** Records whether Astro runs `dev` or builds (an environment variable: the config and the content loaders are separate module graphs). */
export function devServerFlag() {
  return {
    name: 'dev-server-flag',
    hooks: {
      'astro:config:setup': ({ command }: { command: string }) => {
        process.env[DEV_SERVER_FLAG] = command === 'dev' ? '1' : '0';
      },
    },
  };
}

/**
 * Where the CMS at /admin/ publishes (README, « Modifier en ligne ») : a GitHub repository and branch,
 * and the OAuth service that signs writers in to GitHub. Read when /admin/config.yml is built.
 */
export interface CmsBackend {
  /** `CMS_REPO`, "owner/name"; unset, /admin/ cannot publish. */
  repo?: string;
  /** `CMS_BRANCH`, default main. */
  branch: string;
  /** `CMS_BASE_URL` and `CMS_AUTH_ENDPOINT`: the OAuth service; unset, Netlify's (Decap's default). */
  baseUrl?: string;
  authEndpoint?: string;
}

export function cmsBackend(env: Env = process.env): CmsBackend {
  const read = (name: string) => env[name]?.trim() || undefined;
  return { repo: read('CMS_REPO'), branch: read('CMS_BRANCH') ?? 'main', baseUrl: read('CMS_BASE_URL'), authEndpoint: read('CMS_AUTH_ENDPOINT') };
}
