// The spec is a valid OpenAPI 3.1 document, and loading refuses any $ref that
// is not a relative reference to a file inside spec/ (issue 2, "3. Checks").
import {
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import YAML from 'yaml';
import SwaggerParser from '@apidevtools/swagger-parser';
import { displayPath, load } from '../../scripts/pipeline/load.ts';
import { SpecError } from '../../scripts/util/diagnostics.ts';
import { loadSpec, specDir, specRoot, type Node } from './spec-fixture.ts';

let bundled: Node;
beforeAll(async () => {
  ({ bundled } = await loadSpec());
});

describe('the spec validates', () => {
  it('declares OpenAPI 3.1', () => {
    expect(bundled.openapi).toMatch(/^3\.1\.\d+$/);
  });

  it('validates with swagger-parser as OpenAPI 3.1 (bundled document, no resolving)', async () => {
    const api = (await SwaggerParser.validate(
      structuredClone(bundled) as never,
      {
        resolve: { external: false, http: false },
      } as never,
    )) as unknown as Node;
    expect(String(api.openapi).startsWith('3.1')).toBe(true);
    expect(Object.keys(api.paths ?? {}).length).toBeGreaterThan(0);
  });

  it('validates with swagger-parser from the root file, with http resolution switched off', async () => {
    const api = (await SwaggerParser.validate(specRoot, { resolve: { http: false } } as never)) as unknown as Node;
    expect(String(api.openapi).startsWith('3.1')).toBe(true);
  });
});

describe('loading refuses references that leave spec/', () => {
  const dirs: string[] = [];
  const spies: { mockRestore(): void }[] = [];
  let network: { calls(): number };

  afterEach(() => {
    for (const s of spies.splice(0)) s.mockRestore();
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** Watches every way the loader could reach the network. */
  function watchNetwork() {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => {
      throw new Error('network access attempted');
    });
    const others = [
      vi.spyOn(http, 'request'),
      vi.spyOn(http, 'get'),
      vi.spyOn(https, 'request'),
      vi.spyOn(https, 'get'),
    ];
    spies.push(fetchSpy, ...others);
    network = {
      calls: () => fetchSpy.mock.calls.length + others.reduce((n, s) => n + s.mock.calls.length, 0),
    };
  }

  /**
   * A temporary project (base/spec/openapi.yaml, base/outside.yaml) whose
   * /x path item is `$ref: ref(outsideFile)`.
   */
  function tempSpec(ref: (outsideFile: string) => string, outside?: string): { root: string; outsideFile: string } {
    const base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'astra-spec-ref-')));
    dirs.push(base);
    mkdirSync(path.join(base, 'spec'));
    const root = path.join(base, 'spec', 'openapi.yaml');
    const outsideFile = path.join(base, 'outside.yaml');
    writeFileSync(
      root,
      [
        'openapi: 3.1.0',
        'info: { title: refs, version: "1" }',
        'paths:',
        '  /x:',
        `    $ref: '${ref(outsideFile)}'`,
        '',
      ].join('\n'),
    );
    // If the loader ever read this file it would fail to parse (duplicate
    // key) and say so, naming outside.yaml.
    if (outside !== undefined) writeFileSync(outsideFile, outside);
    return { root, outsideFile };
  }

  async function refusal(root: string): Promise<SpecError> {
    let caught: unknown;
    try {
      await load(root);
    } catch (e) {
      caught = e;
    }
    expect(caught, 'load() must reject').toBeInstanceOf(SpecError);
    return caught as SpecError;
  }

  it('refuses an http(s) $ref, naming the file and the JSON pointer, without fetching it', async () => {
    watchNetwork();
    const { root } = tempSpec(() => 'https://example.com/x.yaml');
    const err = await refusal(root);
    const file = displayPath(root);
    expect(err.diagnostics).toHaveLength(1);
    expect(err.diagnostics[0]).toMatchObject({ file, pointer: '#/paths/~1x/$ref' });
    expect(err.diagnostics[0]!.message).toContain('https://example.com/x.yaml');
    expect(err.message).toContain(`${file}#/paths/~1x/$ref`);
    expect(err.message).toMatch(/not a local file reference|nothing is fetched/);
    expect(network.calls()).toBe(0);
  });

  it('refuses a $ref to a file outside the spec folder, naming the file and the JSON pointer, without reading it', async () => {
    watchNetwork();
    const { root, outsideFile } = tempSpec(() => '../outside.yaml', 'a: 1\na: 2\n');
    expect(existsSync(outsideFile)).toBe(true);
    const err = await refusal(root);
    const file = displayPath(root);
    // Exactly one problem, about the referring site: the outside file was
    // never parsed (its duplicate key would have been reported too).
    expect(err.diagnostics).toHaveLength(1);
    expect(err.diagnostics[0]).toMatchObject({ file, pointer: '#/paths/~1x/$ref' });
    expect(err.diagnostics[0]!.message).toContain('../outside.yaml');
    expect(err.diagnostics[0]!.message).toMatch(/outside the spec folder/);
    expect(err.message).toContain(`${file}#/paths/~1x/$ref`);
    expect(err.message).not.toMatch(/duplicate|DUPLICATE_KEY|unique/i);
    expect(network.calls()).toBe(0);
  });

  it('refuses an absolute-path $ref the same way', async () => {
    watchNetwork();
    const { root } = tempSpec((outsideFile) => outsideFile, 'a: 1\na: 2\n');
    const err = await refusal(root);
    expect(err.diagnostics).toHaveLength(1);
    expect(err.diagnostics[0]).toMatchObject({ file: displayPath(root), pointer: '#/paths/~1x/$ref' });
    expect(network.calls()).toBe(0);
  });
});

describe('every $ref under spec/ is relative and stays inside spec/', () => {
  function yamlFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return yamlFiles(p);
      return /\.ya?ml$/.test(e.name) ? [p] : [];
    });
  }

  function refsOf(node: unknown, pointer: string, out: { pointer: string; ref: string }[]) {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((v, i) => refsOf(v, `${pointer}/${i}`, out));
      return;
    }
    for (const [k, v] of Object.entries(node)) {
      const child = `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (k === '$ref') out.push({ pointer: child, ref: v as string });
      else refsOf(v, child, out);
    }
  }

  it('scans every YAML file and finds only relative references to existing files inside spec/', () => {
    const files = yamlFiles(specDir);
    expect(files.length).toBeGreaterThan(40);
    const bad: string[] = [];
    let count = 0;
    for (const file of files) {
      const refs: { pointer: string; ref: string }[] = [];
      refsOf(YAML.parse(readFileSync(file, 'utf8')), '#', refs);
      for (const { pointer, ref } of refs) {
        count++;
        const where = `${path.relative(specDir, file)}${pointer}: ${JSON.stringify(ref)}`;
        if (typeof ref !== 'string') {
          bad.push(`${where} is not a string`);
          continue;
        }
        if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) bad.push(`${where} has a URI scheme`);
        else if (ref.startsWith('/') || ref.startsWith('\\') || path.isAbsolute(ref)) bad.push(`${where} is absolute`);
        else {
          const filePart = ref.split('#')[0]!;
          if (!filePart) continue;
          const target = path.resolve(path.dirname(file), decodeURIComponent(filePart));
          const rel = path.relative(specDir, target);
          if (rel.startsWith('..') || path.isAbsolute(rel)) bad.push(`${where} leaves spec/`);
          else if (!existsSync(target)) bad.push(`${where} names a missing file`);
        }
      }
    }
    expect(count).toBeGreaterThan(100);
    expect(bad).toEqual([]);
  });
});
