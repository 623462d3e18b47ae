// State across restarts (--data), including a simulator killed with SIGKILL
// while writes are in flight, seeds (and bad seeds named by file and JSON
// pointer), and the `npm run mock` command line.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStateFile } from '../../src/testing/persistence.ts';
import { SeedError, startAstraSimulator } from '../../src/testing/index.ts';
import { startTestSimulator } from './support.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'astra-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tsx = path.resolve('node_modules/.bin/tsx');
const VENDOR = 'application/astra-credential+json';
const credential = (name: string) => ({
  type: 'application/astra-credential',
  version: '1.1',
  name,
  keyStore: { k: 'YQ==' },
});

/** Starts `scripts/mock.ts` and resolves once it has printed its URL, account id and token. */
function startMock(
  args: string[],
): Promise<{ child: ChildProcess; url: string; accountId: string; token: string; output: () => string }> {
  const child = spawn(tsx, ['scripts/mock.ts', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (\S+)/.exec(out)?.[1];
      const accountId = /account id: (\S+)/.exec(out)?.[1];
      const token = /token: +(\S+)/.exec(out)?.[1];
      if (url && accountId && token) resolve({ child, url, accountId, token, output: () => out });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`mock exited with ${code}: ${out}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

describe('persistence', () => {
  it('keeps the account, token and resources across a restart', async () => {
    const file = path.join(dir, 'restart.json');
    const first = await startTestSimulator({ data: file });
    const created = await first.http('POST', '/core/v1/credentials', {
      body: credential('kept'),
      headers: { 'content-type': VENDOR },
    });
    const etag = created.headers.get('etag');
    await first.close();
    const second = await startTestSimulator({ data: file });
    try {
      expect([second.accountId, second.token]).toEqual([first.accountId, first.token]);
      const read = await second.http('GET', `/core/v1/credentials/${created.json.id}`);
      expect(read.json.name).toBe('kept');
      expect(read.headers.get('etag')).toBe(etag);
      const next = await second.http('POST', '/core/v1/credentials', {
        body: credential('after'),
        headers: { 'content-type': VENDOR },
      });
      expect(next.status).toBe(201);
      expect(
        (await second.http('GET', '/core/v1/credentials?orderBy=name')).json.items.map((c: { name: string }) => c.name),
      ).toEqual(['after', 'kept']);
    } finally {
      await second.close();
    }
  });

  // The three tests that start `npm run mock` in a child process run side by side: each start is a node + tsx start-up.
  it.concurrent(
    'loses nothing acknowledged and leaves a valid file when killed with SIGKILL mid-write',
    async ({ expect }) => {
      const file = path.join(dir, 'killed.json');
      const mock = await startMock(['--data', file]);
      const acknowledged: string[] = [];
      let stop = false;
      const writer = async (lane: number) => {
        for (let i = 0; !stop; i++) {
          try {
            const res = await fetch(`${mock.url}/accounts/${mock.accountId}/core/v1/credentials`, {
              method: 'POST',
              headers: { authorization: `Bearer ${mock.token}`, 'content-type': VENDOR },
              body: JSON.stringify(credential(`lane${lane}-${i}`)),
            });
            if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
          } catch {
            return; // the process is gone
          }
        }
      };
      const lanes = [0, 1, 2, 3].map(writer);
      while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 5));
      const gone = exited(mock.child);
      mock.child.kill('SIGKILL'); // while the four lanes still have writes in flight
      stop = true;
      expect((await gone).signal).toBe('SIGKILL');
      await Promise.all(lanes);

      const state = readStateFile(file)!; // parses and checks the shape
      const stored = new Set(state.resources.map((r) => r.id));
      for (const id of acknowledged) expect(stored.has(id)).toBe(true);
      const restarted = await startAstraSimulator({ data: file });
      // A write the kill interrupted before its rename left at most a temporary file, removed at start-up.
      expect(readdirSync(dir).filter((f) => f.startsWith('.killed.json.'))).toEqual([]);
      try {
        const res = await fetch(`${restarted.url}/accounts/${restarted.accountId}/core/v1/credentials?include=id`, {
          headers: { authorization: `Bearer ${restarted.token}` },
        });
        const ids = new Set(((await res.json()) as { items: string[][] }).items.map(([id]) => id));
        for (const id of acknowledged) expect(ids.has(id!)).toBe(true);
      } finally {
        await restarted.close();
      }
    },
  );

  it.concurrent('stops cleanly on Ctrl-C with the last change on disk', async ({ expect }) => {
    const file = path.join(dir, 'interrupted.json');
    const mock = await startMock(['--data', file]);
    const res = await fetch(`${mock.url}/accounts/${mock.accountId}/core/v1/credentials`, {
      method: 'POST',
      headers: { authorization: `Bearer ${mock.token}`, 'content-type': VENDOR },
      body: JSON.stringify(credential('last')),
    });
    const { id } = (await res.json()) as { id: string };
    const gone = exited(mock.child);
    mock.child.kill('SIGINT');
    expect((await gone).code).toBe(0);
    expect(mock.output()).toContain('stopped (SIGINT)');
    expect(readStateFile(file)!.resources.map((r) => r.id)).toContain(id);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') && f.includes('interrupted'))).toEqual([]);
  });

  it('refuses a state file that is not one, naming the file', async () => {
    const file = path.join(dir, 'garbage.json');
    writeFileSync(file, '{"format": "something-else"}');
    await expect(startAstraSimulator({ data: file })).rejects.toThrow(`${file}#/format: not a simulator state file`);
  });
});

describe('seeds', () => {
  const appId = 'c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b';
  const seed = {
    resources: [
      { path: '/core/v1/credentials', body: credential('seeded') },
      {
        path: '/k8s/v2/apps',
        body: {
          type: 'application/astra-app',
          version: '2.2',
          id: appId,
          name: 'seeded-app',
          clusterID: '7b4620be-cc20-4680-8ae7-2048dbd872c8',
          namespaceScopedResources: [{ namespace: 'x' }],
        },
      },
      {
        path: `/k8s/v1/apps/${appId}/appSnaps`,
        body: { type: 'application/astra-appSnap', version: '1.3', name: 'seeded-snap' },
      },
    ],
  };

  it('starts with the seeded resources, nested ones under their parents, long-running ones completed', async () => {
    const file = path.join(dir, 'seed.json');
    writeFileSync(file, JSON.stringify(seed));
    const sim = await startTestSimulator({ seed: file });
    try {
      expect((await sim.http('GET', '/core/v1/credentials')).json.items.map((c: { name: string }) => c.name)).toEqual([
        'seeded',
      ]);
      expect((await sim.http('GET', `/k8s/v2/apps/${appId}`)).json.name).toBe('seeded-app');
      const snaps = (await sim.http('GET', `/k8s/v1/apps/${appId}/appSnaps`)).json.items;
      expect(snaps).toMatchObject([{ name: 'seeded-snap', state: 'completed' }]);
    } finally {
      await sim.close();
    }
  });

  it.each([
    [
      { resources: [{ path: '/core/v1/credentials', body: { ...credential('x'), keyType: 'floppy' } }] },
      '#/resources/0/body/keyType: must be equal to one of the allowed values',
    ],
    [
      { resources: [seed.resources[0], { path: '/core/v1/nothing', body: {} }] },
      '#/resources/1/path: "/core/v1/nothing" is not a collection of the API',
    ],
    [
      { resources: [{ path: '/k8s/v1/apps/5a3e1c2b-0d4f-4a6b-8c9d-0e1f2a3b4c5d/appSnaps', body: {} }] },
      '#/resources/0/path: no resource 5a3e1c2b-0d4f-4a6b-8c9d-0e1f2a3b4c5d at /accounts/{account_id}/k8s/v1/apps/{app_id}',
    ],
    [
      { resources: [{ path: '/core/v1/credentials', body: { name: 'untyped' } }] },
      '#/resources/0/body/type: is required',
    ],
    [{ items: [] }, '#/resources: must be an array of { path, body }'],
  ])('refuses bad seed data, naming the file and the JSON pointer (%#)', async (bad, message) => {
    const file = path.join(dir, 'bad-seed.json');
    writeFileSync(file, JSON.stringify(bad));
    const err = await startAstraSimulator({ seed: file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SeedError);
    expect((err as Error).message).toContain(`${file}${message}`);
  });

  it.concurrent('npm run mock refuses a bad seed with the message and exit code 1', async ({ expect }) => {
    const file = path.join(dir, 'bad-cli-seed.json');
    writeFileSync(file, '{"resources": [ {"path": 3} ]}');
    const child = spawn(tsx, ['scripts/mock.ts', '--port', '0', '--seed', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    expect((await exited(child)).code).toBe(1);
    expect(err).toContain(`${file}#/resources/0/path: must be a collection path`);
  });
});
