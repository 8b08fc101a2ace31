/**
 * Drafts (`draft: true`) are shown by `astro dev` only. The signal is Astro's command, set by
 * the integration below, not NODE_ENV or import.meta.env.PROD: a shell or a test runner may set
 * NODE_ENV to anything, and a draft must never be published because of it. Unset means "build".
 */
const FLAG = 'PE_DEV_SERVER';

export function isDevServer(env: Record<string, string | undefined> = process.env): boolean {
  return env[FLAG] === '1';
}

/** Records whether Astro runs `dev` (drafts shown, content problems shown on the page) or builds. */
export function devServerFlag() {
  return {
    name: 'dev-server-flag',
    hooks: {
      'astro:config:setup': ({ command }: { command: string }) => {
        process.env[FLAG] = command === 'dev' ? '1' : '0';
      },
    },
  };
}
