import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export const INSTALL_HINT = 'Chromium introuvable : installez-le avec `apt-get install -y chromium` (ou indiquez son chemin dans CHROME_PATH).';

/**
 * Flags for a quiet, offline headless Chromium. The background-networking ones
 * stop it from phoning home (refused noisily here, and never wanted in tests).
 */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Belt and braces: any host other than this machine fails to resolve at once.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Debian's Chromium (never a downloaded browser): CHROME_PATH, else the usual names on PATH. */
export function findChromium(): string | undefined {
  if (process.env.CHROME_PATH) return isExecutable(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  const dirs = ['/usr/bin', ...(process.env.PATH ?? '').split(path.delimiter)];
  for (const dir of dirs) {
    for (const name of ['chromium', 'chromium-browser']) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}
