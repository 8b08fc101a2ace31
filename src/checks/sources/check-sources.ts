import type { CitedAddress } from './cited-addresses.ts';
import { readSourcesCache, sourcesCacheFile, writeSourcesCache, type CachedAnswer } from './cache.ts';
import { createProber, type ProbeOptions } from './probe.ts';
import type { Checked } from './verdicts.ts';

export interface CheckSourcesOptions extends ProbeOptions {
  /** Answers of the last 24 hours are reused; false asks every address again (and still records the answers). */
  useCache: boolean;
  cacheFile?: string;
}

/** Every address asked once, all hosts at the same time (each host at its own pace), answers of the last 24 hours reused. */
export async function checkSources(addresses: readonly CitedAddress[], options: CheckSourcesOptions): Promise<Checked[]> {
  const file = options.cacheFile ?? sourcesCacheFile();
  const now = Date.now();
  const answers = readSourcesCache(file, now);
  const prober = createProber(options);
  try {
    const checked = await Promise.all(
      addresses.map(async (address): Promise<Checked> => {
        const known = options.useCache ? answers.get(address.url) : undefined;
        if (known) return { address, result: known.result, cached: true };
        const fresh: CachedAnswer = { checkedAt: Date.now(), result: await prober.probe(address.url) };
        answers.set(address.url, fresh);
        return { address, result: fresh.result, cached: false };
      }),
    );
    writeSourcesCache(file, answers);
    return checked;
  } finally {
    await prober.close();
  }
}
