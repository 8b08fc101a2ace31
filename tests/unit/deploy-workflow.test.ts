import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const workflow = yaml.load(readFileSync(path.join(import.meta.dirname, '../../.github/workflows/deploy.yml'), 'utf8')) as {
  jobs: { build: { steps: { uses?: string; with?: Record<string, unknown>; run?: string; env?: Record<string, string> }[] } };
};
const steps = workflow.jobs.build.steps;

describe('the deploy workflow', () => {
  it('clones the whole history: a shallow clone would give the pages no « Mis à jour le »', () => {
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
  });

  it('builds with EDIT_URL from the repository and the branch it runs on', () => {
    expect(steps.find((s) => s.run === 'npm run build')?.env?.EDIT_URL).toBe('${{ github.server_url }}/${{ github.repository }}/edit/${{ github.ref_name }}/');
  });
});
