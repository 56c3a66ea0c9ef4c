// Where ../shared lies, and the rule for tests that read it: skip with a message when it is absent,
// except under CI, where its absence is a failure.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..');
export const sharedDir = resolve(repoRoot, '..', 'shared');

export function sharedAvailable(): boolean {
  if (existsSync(sharedDir)) return true;
  if (process.env.CI === 'true') throw new Error(`../shared is required under CI but was not found at ${sharedDir}`);
  return false;
}

export interface Verdict {
  id: string;
  plugin: string;
  corefile: string;
  valid: boolean;
  why: string;
}

export function readVerdicts(): Verdict[] {
  const text = readFileSync(join(sharedDir, 'cases', 'corefile-verdicts.jsonl'), 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Verdict);
}
