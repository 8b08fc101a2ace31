import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../scripts/serve.ts';
import { buildSite, removeAll, type BuildResult } from '../build/build-site.ts';
import { describeInBrowser, launchChromium } from '../browser/chromium.ts';
import { watchedPage } from './editor.ts';

// The deployed editor cannot reach GitHub from here: what can be seen is that the built page starts
// under its own Content-Security-Policy with the generated GitHub configuration, and where it signs in.
describeInBrowser('the built editor, published through GitHub', () => {
  let build: BuildResult;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    build = buildSite({ CMS_REPO: 'exemple/prompt', CMS_BRANCH: 'main' });
    if (build.status !== 0) throw new Error(build.output);
    server = await startServer({ root: build.outDir, port: 0, base: '/' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (build) removeAll(path.dirname(build.outDir));
  });

  it('starts in French under its CSP and signs in with GitHub through the OAuth service (Netlify’s by default)', async () => {
    const origin = new URL(server.url).origin;
    const { context, page, problems } = await watchedPage(browser, origin);
    await page.goto(`${server.url}admin/`);
    const signIn = page.getByRole('button', { name: 'Se connecter avec GitHub' });
    await signIn.waitFor();
    expect(problems).toEqual([]);
    // The sign-in window goes to the OAuth service (unreachable here: only its address is seen).
    const request = context.waitForEvent('request', (r) => !r.url().startsWith(origin));
    await signIn.click();
    const auth = new URL((await request).url());
    expect(`${auth.origin}${auth.pathname}`).toBe('https://api.netlify.com/auth');
    expect(auth.searchParams.get('provider')).toBe('github');
  });
});
