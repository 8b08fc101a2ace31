import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../build/build-site.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
  env?: Record<string, string>;
}
const workflow = yaml.load(readFileSync(path.join(projectRoot, '.github/workflows/deploy.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
const steps = workflow.jobs.build.steps;
const cache = steps.find((s) => s.uses?.startsWith('actions/cache@'));
const build = steps.find((s) => s.run === 'npm run build');

describe('the deploy workflow', () => {
  it('installs the locked tree', () => {
    expect(steps.some((s) => s.run?.startsWith('npm ci'))).toBe(true);
  });

  it('restores the cache of the build folder it builds with, after npm ci and before the build', () => {
    expect(cache, 'pas d’étape actions/cache').toBeDefined();
    expect(build?.env?.ASTRO_CACHE_DIR).toBe(cache!.with!.path);
    expect(String(cache!.with!.path)).not.toMatch(/^node_modules/);
    const order = (step?: Step) => steps.indexOf(step!);
    expect(order(cache)).toBeGreaterThan(steps.findIndex((s) => s.run?.startsWith('npm ci')));
    expect(order(cache)).toBeLessThan(order(build));
  });

  it('starts afresh when the code, the configuration or the lock file changes, and reuses it after a content edit', () => {
    const key = String(cache!.with!.key);
    const restore = String(cache!.with!['restore-keys']);
    for (const file of ['package-lock.json', 'astro.config.ts', 'src/**']) expect(key).toContain(`'${file}'`);
    expect(key).not.toMatch(/content/);
    // A new key each run (caches never change once saved); the newest of the same code is restored.
    expect(key).toContain('${{ github.run_id }}');
    expect(key.startsWith(restore)).toBe(true);
  });

  it('clones the whole history: a shallow clone would give the pages no « Mis à jour le »', () => {
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
  });

  it('builds with EDIT_URL from the repository and the branch it runs on', () => {
    expect(build?.env?.EDIT_URL).toBe('${{ github.server_url }}/${{ github.repository }}/edit/${{ github.ref_name }}/');
  });
});
