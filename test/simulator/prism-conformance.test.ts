// Conformance checked by a third party: Stoplight Prism in validation-proxy
// mode (`prism proxy --errors`) in front of the simulator validates every
// request the generated client sends and every response the simulator gives
// against the bundled spec. A violation in either direction fails the call
// (Prism answers with its own error instead) and is logged; both are checked.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AstraApiError, createAstraClient, NotFoundError, where } from '../../src/index.js';
import { startTestSimulator, type TestSimulator } from './support.ts';

let sim: TestSimulator;
let prism: ChildProcess;
let prismUrl: string;
let log = '';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

beforeAll(async () => {
  sim = await startTestSimulator();
  const port = await freePort();
  prism = spawn(
    path.resolve('node_modules/.bin/prism'),
    ['proxy', 'generated/openapi.json', sim.url, '--host', '127.0.0.1', '--port', String(port), '--errors'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  prismUrl = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (/Prism is listening/.test(log)) resolve();
    };
    prism.stdout!.on('data', onData);
    prism.stderr!.on('data', onData);
    prism.once('exit', (code) => reject(new Error(`prism exited with ${code}:\n${log}`)));
  });
});

afterAll(async () => {
  if (prism && prism.exitCode === null) {
    const gone = new Promise((r) => prism.once('exit', r));
    prism.kill('SIGTERM');
    await gone;
  }
  await sim?.close();
});

/** Prism's log lines about violations (request or response) since `from`. */
const violations = (from: number) =>
  log
    .slice(from)
    .split('\n')
    .filter((line) => /violation|✖/i.test(line));

const client = () =>
  createAstraClient({ baseUrl: prismUrl, accountId: sim.accountId, token: sim.token, maxRetries: 0 });

// The flows run side by side (Prism validates every exchange, which is slow);
// a last test reads Prism's whole log for violations.
describe.concurrent('the generated client through Prism, in front of the simulator', () => {
  it('core: credentials and a user token, create to delete, with paging, filter and include', async ({ expect }) => {
    const astra = client();
    const cred = await astra.credentials.create({
      name: 'prism-s3',
      keyType: 's3',
      keyStore: { accessKey: 'YQ==', accessSecret: 'Yg==' },
    });
    const cert = await astra.credentials.create({
      name: 'prism-cert',
      keyType: 'certificate',
      keyStore: { certificate: 'Yw==' },
    });
    expect((await astra.credentials.get(cred.id)).name).toBe('prism-s3');
    // Other flows create credentials at the same time: look for these two.
    const paged = await astra.credentials.list({ limit: 1 }).toArray({ max: 20 });
    expect(paged.map((c) => c.id)).toEqual(expect.arrayContaining([cred.id, cert.id]));
    expect(
      await astra.credentials
        .list({ filter: where('name').eq('prism-s3'), include: ['id', 'name'] })
        .toArray({ max: 10 }),
    ).toEqual([{ id: cred.id, name: 'prism-s3' }]);
    await astra.credentials.update(cred.id, {
      name: 'prism-s3',
      keyType: 's3',
      keyStore: { accessKey: 'YQ==', accessSecret: 'Yg==' },
      valid: 'false',
    });
    await astra.credentials.delete(cred.id);
    await expect(astra.credentials.get(cred.id)).rejects.toBeInstanceOf(NotFoundError);
    const users = await astra.users.list().toArray({ max: 10 });
    const token = await astra.users.tokens.create(users[0]!.id, { name: 'ci' });
    expect(await astra.users.tokens.list(users[0]!.id).toArray({ max: 10 })).toHaveLength(1);
    await astra.users.tokens.delete(users[0]!.id, token.id);
  });

  it('k8s: an app, its snapshot and backup polled to completion, nested lists', async ({ expect }) => {
    const astra = client();
    const app = await astra.apps.create({
      name: 'prism-app',
      clusterID: '7b4620be-cc20-4680-8ae7-2048dbd872c8',
      namespaceScopedResources: [{ namespace: 'prism' }],
    });
    const snap = await astra.apps.appSnaps.create(app.id, { name: 'prism-snap' });
    const backup = await astra.apps.appBackups.create(app.id, { name: 'prism-backup' });
    expect((await astra.apps.appSnaps.get(app.id, snap.id)).state).toBe('completed');
    expect((await astra.apps.appBackups.get(app.id, backup.id)).state).toBe('completed');
    expect(await astra.apps.appBackups.list(app.id).toArray({ max: 10 })).toHaveLength(1);
    expect((await astra.apps.get(app.id)).name).toBe('prism-app');
    await astra.apps.appSnaps.delete(app.id, snap.id);
  });

  it('topology: buckets, the flat appBackups root, managed clusters', async ({ expect }) => {
    const astra = client();
    const cred = await astra.credentials.create({
      name: 'prism-bucket-cred',
      keyType: 's3',
      keyStore: { accessKey: 'YQ==', accessSecret: 'Yg==' },
    });
    const bucket = await astra.buckets.create({
      name: 'prism-bucket',
      credentialID: cred.id,
      provider: 'generic-s3',
      bucketParameters: { s3: { serverURL: 's3.example.com', bucketName: 'b' } },
    });
    expect((await astra.buckets.get(bucket.id)).name).toBe('prism-bucket');
    expect((await astra.appBackups.list().toArray({ max: 10 })).length).toBeGreaterThan(0);
    expect(await astra.managedClusters.list().toArray({ max: 10 })).toEqual([]);
    await astra.buckets.delete(bucket.id);
  });

  it('error responses pass too: unknown ids, bad bodies, a name clash', async ({ expect }) => {
    const astra = client();
    await expect(astra.buckets.get('5a3e1c2b-0d4f-4a6b-8c9d-0e1f2a3b4c5d')).rejects.toBeInstanceOf(NotFoundError);
    await astra.credentials.create({ name: 'prism-dup', keyStore: { k: 'YQ==' } });
    const clash = await astra.credentials
      .create({ name: 'prism-dup', keyStore: { k: 'YQ==' } })
      .catch((e: unknown) => e);
    expect(clash).toBeInstanceOf(AstraApiError);
    expect((clash as AstraApiError).problemNumber).toBe(10);
  });
});

describe('Prism', () => {
  it('reported no violation of the spec in either direction', () => {
    expect(log).toMatch(/Request received/);
    expect(violations(0)).toEqual([]);
  });
});
