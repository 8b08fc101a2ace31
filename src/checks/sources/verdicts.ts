import { displayPath } from '../report/problems.ts';
import type { CitedAddress, Citation } from './cited-addresses.ts';
import type { ProbeResult } from './probe.ts';

/** What an address's answer means for the page that cites it. */
export type Verdict = 'ok' | 'moved' | 'refused' | 'missing' | 'removed' | 'failing' | 'unreachable';

/** The verdicts that fail the command: a reader who clicks finds nothing. A move or a refused robot is a warning. */
const BROKEN: readonly Verdict[] = ['missing', 'removed', 'failing', 'unreachable'];

/** Report order: what must be fixed first, then the warnings. */
const ORDER: readonly Verdict[] = ['missing', 'removed', 'failing', 'unreachable', 'moved', 'refused', 'ok'];

/** The summary: how many are fine, then the warnings, then what is broken. */
const SUMMARY_ORDER: readonly Verdict[] = ['ok', 'moved', 'refused', 'missing', 'removed', 'failing', 'unreachable'];

/** The summary's words, singular and plural. */
const COUNTED: Record<Verdict, [string, string]> = {
  ok: ['en bon état', 'en bon état'],
  moved: ['déplacée', 'déplacées'],
  refused: ['refusée aux robots', 'refusées aux robots'],
  missing: ['introuvable', 'introuvables'],
  removed: ['supprimée', 'supprimées'],
  failing: ['en erreur', 'en erreur'],
  unreachable: ['injoignable', 'injoignables'],
};

function verdictOf(result: ProbeResult): Verdict {
  const { status, error } = result;
  if (error === 'TOO_MANY_REDIRECTS') return 'failing';
  if (error || status === undefined) return 'unreachable';
  if (status >= 200 && status < 300) return result.moved ? 'moved' : 'ok';
  if (status === 404) return 'missing';
  if (status === 410) return 'removed';
  if (status === 401 || status === 403) return 'refused';
  return 'failing';
}

/** Why no HTTP answer came, for an editor. */
function networkFailure(code: string, timeout?: number): string {
  if (/TIMEOUT/.test(code)) return `aucune réponse en ${timeout !== undefined ? duration(timeout) : 'temps voulu'}`;
  if (/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL)$/.test(code)) return 'nom de domaine introuvable';
  if (code === 'ECONNREFUSED') return 'connexion refusée';
  if (/^(ECONNRESET|EPIPE|UND_ERR_SOCKET)$/.test(code)) return 'connexion coupée par le serveur';
  if (/^(EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ENETDOWN)$/.test(code)) return 'serveur hors d’atteinte';
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET/.test(code)) return `connexion sécurisée impossible, ${code}`;
  return `erreur réseau ${code}`;
}

const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${String(Math.round(ms / 100) / 10).replace('.', ',')} s`);

const list = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`);

/** "content/a.md ligne 3, content/b.md lignes 4 et 9": every place to edit, file by file. */
function citedBy(citations: readonly Citation[]): string {
  const byFile = new Map<string, number[]>();
  for (const { file, line } of citations) byFile.set(file, [...(byFile.get(file) ?? []), ...(line ? [line] : [])]);
  return [...byFile]
    .map(([file, lines]) => `${displayPath(file)}${lines.length ? ` ${lines.length > 1 ? 'lignes' : 'ligne'} ${list(lines.map(String))}` : ''}`)
    .join(', ');
}

const archive = (url: string) => `https://web.archive.org/web/*/${url}`;
const LATER = 'revérifiez plus tard (npm run check:sources -- --no-cache) ; si cela dure, remplacez la source';

/** The report's line for an address that is not fine: the verdict, the address, where it is cited, what to do. */
function problemLine(address: CitedAddress, result: ProbeResult): string | undefined {
  const verdict = verdictOf(result);
  const { status } = result;
  const redirected = result.moved && verdict !== 'moved' ? `, après une redirection vers ${result.moved.to}` : '';
  let what: string;
  let todo: string;
  switch (verdict) {
    case 'ok':
      return undefined;
    case 'moved':
      what = `déplacée définitivement (${result.moved!.status})`;
      todo = `la page est maintenant à ${result.moved!.to} : mettez le lien à jour`;
      break;
    case 'missing':
      what = `introuvable (404${redirected})`;
      todo = `remplacez la source, ou citez une copie archivée (${archive(address.url)})`;
      break;
    case 'removed':
      what = `supprimée (410${redirected})`;
      todo = `le site l’a retirée : remplacez la source, ou citez une copie archivée (${archive(address.url)})`;
      break;
    case 'refused':
      what = `accès refusé (${status}${redirected})`;
      todo =
        'le site refuse les vérifications automatiques (ou demande un compte) : ouvrez l’adresse dans un navigateur ; si la page s’affiche, rien à faire, sinon remplacez la source';
      break;
    case 'failing':
      if (result.error === 'TOO_MANY_REDIRECTS') {
        what = 'en erreur (trop de redirections)';
        todo = 'ouvrez l’adresse dans un navigateur : si elle ne mène à aucune page, remplacez la source';
      } else if (result.retries) {
        what = `en erreur (${status}, encore après ${result.retries} ${result.retries > 1 ? 'nouvelles tentatives' : 'nouvelle tentative'}${redirected})`;
        todo = LATER;
      } else {
        what = `en erreur (${status}${redirected})`;
        todo = 'ouvrez l’adresse dans un navigateur : si la page ne s’affiche pas, remplacez la source';
      }
      break;
    case 'unreachable':
      what = `injoignable (${networkFailure(result.error ?? 'UNKNOWN', result.timeout)}${redirected})`;
      todo = LATER;
      break;
  }
  return `${what} : ${address.url} — citée par ${citedBy(address.citations)} — ${todo}`;
}

export interface Checked {
  address: CitedAddress;
  result: ProbeResult;
  /** The result comes from the cache of an earlier run. */
  cached: boolean;
}

const counted = (n: number, verdict: Verdict) => `${n} ${COUNTED[verdict][n > 1 ? 1 : 0]}`;

/** The whole report: one line per address that is not fine (worst first), then the summary; `broken` decides the exit code. */
export function sourcesReport(checked: readonly Checked[]): { text: string; broken: boolean } {
  const withVerdict = checked.map((c) => ({ ...c, verdict: verdictOf(c.result) }));
  const sorted = [...withVerdict].sort((a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict));
  const lines = sorted.flatMap(({ address, result }) => problemLine(address, result) ?? []);
  const parts = SUMMARY_ORDER.flatMap((verdict) => {
    const n = withVerdict.filter((c) => c.verdict === verdict).length;
    return n || verdict === 'ok' ? [counted(n, verdict)] : [];
  });
  const n = checked.length;
  const summary = `${n} ${n > 1 ? 'adresses vérifiées' : 'adresse vérifiée'} : ${parts.join(', ')}.`;
  const fromCache = checked.filter((c) => c.cached).length;
  const cacheNote = fromCache
    ? `${fromCache === n ? (n > 1 ? 'Tous les résultats viennent' : 'Le résultat vient') : `${fromCache} ${fromCache > 1 ? 'résultats viennent' : 'résultat vient'}`} d’une vérification de moins de 24 h : « npm run check:sources -- --no-cache » revérifie tout.`
    : '';
  const broken = withVerdict.some((c) => BROKEN.includes(c.verdict));
  const text = [...lines, ...(lines.length ? [''] : []), summary, ...(cacheNote ? [cacheNote] : [])].join('\n');
  return { text, broken };
}
