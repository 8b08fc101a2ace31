import { describe } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './chromium-path.ts';

export { CHROMIUM_ARGS, INSTALL_HINT };
export const chromiumPath = findChromium();

/**
 * `describe` when Chromium is there. Without it: skipped with the install hint
 * on a developer's machine, a failure in CI (CI=true), where it must be installed.
 */
export function describeInBrowser(name: string, body: () => void) {
  if (chromiumPath) return describe(name, body);
  if (process.env.CI === 'true') {
    return describe(name, () => {
      throw new Error(`${INSTALL_HINT} (obligatoire en CI)`);
    });
  }
  return describe.skip(`${name} — ${INSTALL_HINT}`, body);
}

export function launchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error(INSTALL_HINT);
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}
