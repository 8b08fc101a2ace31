import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cacheDir } from '../../settings.ts';
import { writeWholeFileSync } from '../../utils/files/write-whole.ts';
import type { ProbeResult } from './probe.ts';

/** How long an answer stands: a source checked today need not be asked again before tomorrow. */
const CACHE_LIFETIME_MS = 24 * 60 * 60 * 1000;
const VERSION = 1;

export interface CachedAnswer {
  /** When it was checked, in milliseconds since the epoch. */
  checkedAt: number;
  result: ProbeResult;
}

export const sourcesCacheFile = () => path.join(cacheDir(), 'sources.json');

/** The answers of the last 24 hours, by address; a missing, older or unreadable file is an empty cache. */
export function readSourcesCache(file: string, now = Date.now()): Map<string, CachedAnswer> {
  let data: { version?: number; answers?: Record<string, CachedAnswer> };
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return new Map();
  }
  if (data?.version !== VERSION || typeof data.answers !== 'object' || !data.answers) return new Map();
  return new Map(Object.entries(data.answers).filter(([, a]) => typeof a?.checkedAt === 'number' && now - a.checkedAt < CACHE_LIFETIME_MS && a.result));
}

/** Writes the answers: a temporary file renamed over the old one, so an interrupted run never leaves half a file. */
export function writeSourcesCache(file: string, answers: Map<string, CachedAnswer>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeWholeFileSync(file, `${JSON.stringify({ version: VERSION, answers: Object.fromEntries(answers) }, null, 2)}\n`);
}
