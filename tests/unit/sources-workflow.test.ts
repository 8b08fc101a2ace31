import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it, onTestFinished } from 'vitest';
import { projectRoot } from '../build/build-site.ts';

interface Step {
  name?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown> & { schedule?: { cron: string }[] };
  jobs: Record<string, { steps: Step[] }>;
}

const workflow = yaml.load(readFileSync(path.join(projectRoot, '.github/workflows/sources.yml'), 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const check = steps.find((step) => step.run?.includes('check:sources'));

/** The check step's script as GitHub runs it (bash -e), with `npm` replaced by a stand-in that prints a report and exits with `status`. */
function runStep(status: number) {
  const work = mkdtempSync(path.join(tmpdir(), 'pe-sources-workflow-'));
  onTestFinished(() => rmSync(work, { recursive: true, force: true }));
  const npm = path.join(work, 'npm');
  writeFileSync(npm, `#!/bin/sh\necho "arguments : $*"\necho "1 adresse vérifiée : 0 en bon état, 1 introuvable."\nexit ${status}\n`);
  chmodSync(npm, 0o755);
  const summary = path.join(work, 'summary.md');
  writeFileSync(summary, '');
  const result = spawnSync('bash', ['-e', '-c', check!.run!], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${work}:${process.env.PATH}`, GITHUB_STEP_SUMMARY: summary },
  });
  return { status: result.status, output: result.stdout, summary: readFileSync(summary, 'utf8') };
}

describe('.github/workflows/sources.yml', () => {
  it('runs every week and on demand, never on a push', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const [cron] = workflow.on.schedule!.map((s) => s.cron.split(' '));
    // minute hour * * weekday: once a week.
    expect(cron).toHaveLength(5);
    expect(cron.slice(2, 4)).toEqual(['*', '*']);
    expect(cron[4]).toMatch(/^[0-6]$/);
  });

  it('checks every address afresh with npm run check:sources', () => {
    expect(steps.some((step) => step.run?.startsWith('npm ci'))).toBe(true);
    expect(check?.run).toMatch(/npm run (--silent )?check:sources -- --no-cache/);
  });

  it('fails the job when the command fails, with the report in the job summary either way', () => {
    for (const status of [1, 0]) {
      const result = runStep(status);
      expect(result.status).toBe(status);
      expect(result.output).toContain('1 introuvable');
      expect(result.summary).toContain('arguments : run --silent check:sources -- --no-cache');
      expect(result.summary).toMatch(/```text\n[\s\S]*1 adresse vérifiée : 0 en bon état, 1 introuvable\.\n```/);
    }
  });
});
