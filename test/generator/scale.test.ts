// Scale: a synthetic Astra-style spec of 5,000 operations (1,000 resources ×
// list/create/get/update/delete, written by bench/support/synth-spec.mjs)
// goes through the whole pipeline, and the client modules cover every
// operation.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../scripts/generate.ts';
import { descriptors } from './support/ast.ts';
import { scratchGroup } from './support/paths.ts';
import { synthesizeSpec } from '../../bench/support/synth-spec.mjs';

const RESOURCES = 1000; // synth-spec writes five operations per resource

let specFile: string;
beforeAll(() => {
  const dir = path.join(scratchGroup('scale'), 'spec');
  mkdirSync(dir, { recursive: true });
  specFile = path.join(dir, 'openapi.json');
  writeFileSync(specFile, JSON.stringify(synthesizeSpec(RESOURCES)));
});

describe('scale', () => {
  it(`a spec of ${RESOURCES * 5} operations generates, with a client method for every operation`, async () => {
    const spec = JSON.parse(readFileSync(specFile, 'utf8')) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const operationIds = Object.values(spec.paths).flatMap((item) =>
      ['get', 'put', 'post', 'delete'].flatMap((m) => (item[m]?.operationId ? [item[m]!.operationId!] : [])),
    );
    expect(operationIds.length).toBeGreaterThanOrEqual(5000);

    const started = performance.now();
    const files = await generate(specFile, { worker: true });
    const seconds = (performance.now() - started) / 1000;
    console.info(`scale: ${operationIds.length} operations → ${files.size} files in ${seconds.toFixed(1)} s`);

    const clientModules = [...files.keys()].filter((f) => f.startsWith('client/'));
    expect(clientModules).toHaveLength(RESOURCES);
    const covered = clientModules.flatMap((f) => [...descriptors(files.get(f)!).values()].map((d) => d.id));
    expect(covered).toHaveLength(operationIds.length);
    expect(new Set(covered)).toEqual(new Set(operationIds));
    // Every operation is reachable from the client's resource tree.
    const index = files.get('index.ts')!;
    for (const f of clientModules.slice(0, 50)) expect(index).toContain(`from './${f.replace(/\.ts$/, '.js')}'`);
  }, 600_000); // a hang guard, not a speed check: on the shared 2-core machine this run has taken over 300 s
});
