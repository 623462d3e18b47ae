// Injected faults as the SDK sees them (typed errors, retries honouring
// Retry-After, connection failures, cut-off bodies, HTML pages from a proxy),
// and long-running resources moving from pending to completed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AstraConnectionError,
  BadGatewayError,
  createAstraClient,
  problemTypes,
  ServiceUnavailableError,
  type RetryEvent,
} from '../../src/index.js';
import { startTestSimulator, type TestSimulator } from './support.ts';

let sim: TestSimulator;
let credentialId: string;
beforeAll(async () => {
  sim = await startTestSimulator();
  credentialId = (await sim.client().credentials.create({ name: 'target', keyStore: { k: 'YQ==' } })).id;
});
afterAll(() => sim.close());

const client = (maxRetries = 0, retries: RetryEvent[] = []) =>
  createAstraClient({
    baseUrl: sim.url,
    accountId: sim.accountId,
    token: sim.token,
    maxRetries,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    hooks: { onRetry: (e) => retries.push(e) },
  });

describe('fault injection', () => {
  it('fails the Nth call of an operation with a status and Retry-After, which the SDK retries', async () => {
    sim.setFaults([{ operation: 'getCredential', status: 503, nth: [1, 2], retryAfter: 0 }]);
    const retries: RetryEvent[] = [];
    const cred = await client(2, retries).credentials.get(credentialId);
    expect(cred.id).toBe(credentialId);
    expect(retries.map((r) => r.delayMs)).toEqual([0, 0]);
    sim.setFaults([{ route: 'GET /core/v1/credentials/{credential_id}', status: 503, retryAfter: 7 }]);
    const err = await client()
      .credentials.get(credentialId)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceUnavailableError);
    expect(err).toMatchObject({ status: 503, retryAfterMs: 7000 });
    // getCredential lists no 503 problem: the catalogue's first 503 entry stands in.
    const listed = Object.values(problemTypes).find((p) => p.number === (err as ServiceUnavailableError).problemNumber);
    expect(listed?.status).toBe(503);
  });

  it('applies a fault with a probability, reproducibly for a seed', async () => {
    const outcomes = async () => {
      const seeded = await startTestSimulator({
        randomSeed: 42,
        faults: [{ operation: 'listCredentials', status: 500, probability: 0.5 }],
      });
      try {
        const results: number[] = [];
        for (let i = 0; i < 20; i++) results.push((await seeded.http('GET', '/core/v1/credentials')).status);
        return results;
      } finally {
        await seeded.close();
      }
    };
    const first = await outcomes();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await outcomes()).toEqual(first);
  });

  it('drops the connection: an AstraConnectionError', async () => {
    sim.setFaults([{ operation: 'getCredential', drop: true }]);
    await expect(client().credentials.get(credentialId)).rejects.toBeInstanceOf(AstraConnectionError);
  });

  it('cuts the body short: the SDK reports a failed response, not a half object', async () => {
    sim.setFaults([{ operation: 'getCredential', truncate: true }]);
    const err = await client()
      .credentials.get(credentialId)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toMatch(/^Astra/);
  });

  it('answers with an HTML error page: a typed 502 without a problem body', async () => {
    sim.setFaults([{ operation: 'listCredentials', html: true }]);
    const err = await client()
      .credentials.list()
      .firstPage()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadGatewayError);
    expect((err as BadGatewayError).problemNumber).toBeUndefined();
  });

  it('adds latency before answering (a lower bound: timers never fire early)', async () => {
    sim.setFaults([{ operation: 'getCredential', latencyMs: 250 }]);
    const started = performance.now();
    await client().credentials.get(credentialId);
    expect(performance.now() - started).toBeGreaterThanOrEqual(245);
    sim.setFaults([]);
  });

  it('refuses a rule without a target', () => {
    expect(() => sim.setFaults([{ status: 500 }])).toThrow('faults[0]: give an operation or a route');
  });
});

const APP = (name: string) => ({
  name,
  clusterID: '7b4620be-cc20-4680-8ae7-2048dbd872c8',
  namespaceScopedResources: [{ namespace: name }],
});

describe('long-running resources', () => {
  it('moves a backup from pending through running to completed as time passes', async () => {
    let clock = Date.parse('2026-03-01T00:00:00Z');
    const timed = await startTestSimulator({ lifecycleMs: 3_000, now: () => clock });
    try {
      const astra = timed.client();
      const app = await astra.apps.create(APP('mysql'));
      const backup = await astra.apps.appBackups.create(app.id, { name: 'nightly' });
      expect(backup).toMatchObject({ state: 'pending', stateUnready: [expect.any(String)] });
      clock += 1_500;
      expect(await astra.apps.appBackups.get(app.id, backup.id)).toMatchObject({ state: 'running', percentDone: 50 });
      clock += 1_500;
      const done = await astra.apps.appBackups.get(app.id, backup.id);
      expect(done).toMatchObject({ state: 'completed', stateUnready: [], percentDone: 100 });
      expect((await astra.appBackups.get(backup.id)).state).toBe('completed');
      const snaps = astra.apps.appSnaps;
      const snap = await snaps.create(app.id, { name: 'before-upgrade' });
      clock += 3_000;
      expect((await snaps.list(app.id).toArray({ max: 10 })).map((s) => s.state)).toEqual(['completed']);
      expect((await snaps.get(app.id, snap.id)).stateDetails).toEqual([]);
    } finally {
      await timed.close();
    }
  });

  it('completes at the first read with the default duration of 0', async () => {
    const astra = sim.client();
    const app = await astra.apps.create(APP('postgres'));
    const backup = await astra.apps.appBackups.create(app.id, { name: 'now' });
    expect(backup.state).toBe('pending');
    expect((await astra.apps.appBackups.get(app.id, backup.id)).state).toBe('completed');
  });
});
