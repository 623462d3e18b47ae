// Runs the generator's CLI entry (scripts/generate.ts main) in-process and
// captures what it prints.
import { vi } from 'vitest';
import { main } from '../../../scripts/generate.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function cli(args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    const code = await main(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
