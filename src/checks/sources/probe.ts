import pLimit, { type LimitFunction } from 'p-limit';
import { Agent, interceptors } from 'undici';
import { SITE_NAME } from '../../utils/site.ts';

/** At most this many requests at a time to one host, retries' waits included. */
const REQUESTS_PER_HOST = 2;
/** Statuses worth asking again: the server is busy or failing for now. */
const RETRIED_STATUSES = [429, 500, 502, 503, 504];
/** Redirects followed before giving up (a loop, or a chain no reader would wait for). */
const MAX_REDIRECTS = 10;
/** The longest wait before a retry, whatever Retry-After asks. */
const MAX_RETRY_WAIT_MS = 30_000;

export interface ProbeOptions {
  /** Milliseconds to connect, and then to receive the answer's headers. */
  timeout: number;
  /** Milliseconds before the first retry; each next wait doubles (Retry-After wins when given). */
  retryDelay: number;
  retries: number;
  userAgent: string;
}

/** What an address answered, once temporary redirects, HEAD refusals and retries are dealt with (kept in the cache as is). */
export interface ProbeResult {
  /** The last HTTP status. */
  status?: number;
  /** The last permanent redirect (301, 308) and where it leads: the address to write instead. */
  moved?: { status: number; to: string };
  /** No HTTP answer: a Node or undici error code (ENOTFOUND, ECONNREFUSED, UND_ERR_HEADERS_TIMEOUT, CERT_HAS_EXPIRED…). */
  error?: string;
  /** The timeout in force, for a timeout's message. */
  timeout?: number;
  /** Retries made before the last status (the retried statuses only). */
  retries?: number;
}

/** Says who asks and where the site is (`SITE_URL`), so a site's owner can tell this robot from a scraper. */
export function userAgent(siteUrl?: string): string {
  const product = SITE_NAME.split(/\s+/)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
  return `${product}-VerificationDesSources/1.0${siteUrl?.trim() ? ` (+${siteUrl.trim()})` : ''}`;
}

type Answer = { status: number; location?: string } | { error: string };

const PERMANENT = new Set([301, 308]);
const REDIRECT = new Set([301, 302, 303, 307, 308]);
/** A HEAD answer that may not be the page's: servers that refuse or mishandle HEAD say 405, 501, 403, 400 or even 404; GET tells. */
const headRefused = (status: number) => (status >= 400 && status < 500 && status !== 429) || status === 501;
/** The connection broke under a HEAD: some servers hang up on it, GET tells. */
const HEAD_HANG_UPS = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']);

/** The code of a network error, wherever undici or Node put it (happy eyeballs wraps several in an AggregateError). */
function errorCode(error: unknown): string {
  const e = error as { code?: string; cause?: { code?: string }; errors?: { code?: string }[] };
  return e.code ?? e.cause?.code ?? e.errors?.find((x) => x.code)?.code ?? 'UNKNOWN';
}

/**
 * Asks addresses whether they still answer, politely: a `User-Agent` naming the site, `HEAD` first
 * and `GET` when `HEAD` is refused, at most REQUESTS_PER_HOST requests at a time to one host, undici's
 * retry interceptor (exponential backoff, Retry-After honoured) on busy and failing servers. Redirects
 * are followed here, not by undici: a permanent one is what the editor must hear about.
 */
export function createProber(options: ProbeOptions) {
  const dispatcher = new Agent({
    connections: REQUESTS_PER_HOST,
    connectTimeout: options.timeout,
    headersTimeout: options.timeout,
    bodyTimeout: options.timeout,
  }).compose(
    interceptors.retry({
      maxRetries: options.retries,
      minTimeout: options.retryDelay,
      timeoutFactor: 2,
      maxTimeout: MAX_RETRY_WAIT_MS,
      statusCodes: RETRIED_STATUSES,
      // A connection cut mid-answer is worth another try; a name that does not resolve or a refused port is the verdict.
      errorCodes: ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'],
      // The last answer comes back as it is: its status is the verdict.
      throwOnError: false,
    }),
  );
  const hosts = new Map<string, LimitFunction>();
  const limitFor = (host: string) => {
    let limit = hosts.get(host);
    if (!limit) hosts.set(host, (limit = pLimit(REQUESTS_PER_HOST)));
    return limit;
  };

  const send = (url: URL, method: 'HEAD' | 'GET'): Promise<Answer> =>
    limitFor(url.hostname)(async () => {
      try {
        const { statusCode, headers, body } = await dispatcher.request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method,
          headers: { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
        });
        // Only the status matters: a little of the page is read so the connection can serve the next request.
        await body.dump({ limit: 64 * 1024 }).catch(() => {});
        const location = Array.isArray(headers.location) ? headers.location[0] : headers.location;
        return { status: statusCode, location };
      } catch (error) {
        return { error: errorCode(error) };
      }
    });

  const ask = async (url: URL): Promise<Answer> => {
    const head = await send(url, 'HEAD');
    const refused = 'error' in head ? HEAD_HANG_UPS.has(head.error) : headRefused(head.status);
    return refused ? send(url, 'GET') : head;
  };

  return {
    async probe(address: string): Promise<ProbeResult> {
      let url = new URL(address);
      let moved: ProbeResult['moved'];
      for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        const answer = await ask(url);
        if ('error' in answer) return { error: answer.error, moved, ...(/TIMEOUT/.test(answer.error) && { timeout: options.timeout }) };
        const next = REDIRECT.has(answer.status) && answer.location ? URL.parse(answer.location, url) : null;
        if (next && /^https?:$/.test(next.protocol)) {
          url = next;
          if (PERMANENT.has(answer.status)) moved = { status: answer.status, to: url.href };
          continue;
        }
        return { status: answer.status, moved, ...(RETRIED_STATUSES.includes(answer.status) && { retries: options.retries }) };
      }
      return { error: 'TOO_MANY_REDIRECTS', moved };
    },
    close: () => dispatcher.close(),
  };
}
