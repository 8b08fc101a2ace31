/**
 * The Content-Security-Policy of /admin/ alone, looser than the readers' pages (public/_headers), for
 * what Decap CMS does as shipped: it compiles its configuration's schema with `new Function` (ajv)
 * and writes its styles into <style> elements (emotion). It talks to GitHub's API and shows the
 * writer's GitHub avatar; the local backend is the page's own origin. Sent as a header by the hosts
 * that read public/_headers (a `/admin/*` block that must say the same, tests/build/cms.test.ts),
 * and in the page itself for the others.
 */
export const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://avatars.githubusercontent.com",
  "connect-src 'self' https://api.github.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
