// astra-control-sdk/testing: an Astra Control simulator for tests and demos.
// `startAstraSimulator()` serves every collection of the bundled spec on
// 127.0.0.1 (stateful, validated, with ETags, negotiation, paging, long-running
// resources and injectable faults) and resolves to the URL, account id and
// bearer token to give `createAstraClient`.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import openapi from '../../generated/openapi.json' with { type: 'json' };
import type { JsonObject } from '../../scripts/util/json.ts';
import { FaultInjector, type FaultRule } from './faults.ts';
import { createHandler } from './handler.ts';
import { readStateFile, removeStaleTemporaryFiles, writeStateFile } from './persistence.ts';
import { newRepresentation } from './representation.ts';
import { buildRouteTable, type RouteTable } from './routes.ts';
import { applySeed, readSeedFile, type SeedDocument } from './seed.ts';
import { Store } from './store.ts';
import { SchemaValidator } from './validation.ts';

export type { FaultRule } from './faults.ts';
export type { SeedDocument, SeedResource } from './seed.ts';
export { SeedError } from './seed.ts';
export { StateFileError } from './persistence.ts';

export interface AstraSimulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; 127.0.0.1 by default. */
  host?: string;
  /** Resources to start with: a JSON file path, or the document itself. Ignored when `data` already holds a state. */
  seed?: string | SeedDocument;
  /** File that keeps the whole state across restarts (written atomically on every change). */
  data?: string;
  /** Injected faults; replace them later with `setFaults`. */
  faults?: FaultRule[];
  /** Account id of a fresh state (random by default). */
  accountId?: string;
  /** Bearer token of a fresh state (random by default). */
  token?: string;
  /** Milliseconds a new backup or snapshot takes from `pending` to `completed` (0: done at the first read). */
  lifecycleMs?: number;
  /** Seed of the generator behind `probability` faults. */
  randomSeed?: number;
  /** Clock, in milliseconds since the epoch (Date.now by default). */
  now?: () => number;
}

export interface AstraSimulator {
  /** Base URL to pass as `baseUrl`, e.g. `http://127.0.0.1:4010`. */
  url: string;
  accountId: string;
  token: string;
  /** Replaces the injected faults. */
  setFaults(faults: FaultRule[]): void;
  /** Stops listening and closes open connections; every change is already on disk. */
  close(): Promise<void>;
}

let cachedTable: RouteTable | undefined;
let cachedValidator: SchemaValidator | undefined;

/** The route table and validator of the bundled spec, built once per process. */
function specRuntime(): { table: RouteTable; validator: SchemaValidator } {
  cachedTable ??= buildRouteTable(openapi as unknown as JsonObject);
  cachedValidator ??= new SchemaValidator(cachedTable.document);
  return { table: cachedTable, validator: cachedValidator };
}

/** A fresh state: the account and the user the token belongs to, then the seed. */
function freshStore(
  table: RouteTable,
  validator: SchemaValidator,
  options: AstraSimulatorOptions,
  nowMs: number,
): Store {
  const store = new Store(
    options.accountId ?? randomUUID(),
    options.token ?? randomBytes(24).toString('base64url'),
    randomUUID(),
  );
  const bootstrap = (collectionKey: string, id: string, body: JsonObject, parents: Record<string, string>) => {
    const collection = table.collections.get(collectionKey);
    if (!collection) return;
    const route = table.routes.find((r) => r.collection === collection && r.op.versions.length);
    const created = newRepresentation(
      { doc: table.document, collection, defaultVersion: route?.op.versions[0] ?? null, userId: store.userId, nowMs },
      { ...body, id },
    );
    store.insert(collectionKey, id, parents, created.body, created.secrets, nowMs, false);
  };
  bootstrap('application/astra-account', store.accountId, { name: 'simulated-account' }, {});
  bootstrap('application/astra-user', store.userId, {}, { account_id: store.accountId });
  if (options.seed !== undefined) {
    const seed = typeof options.seed === 'string' ? readSeedFile(options.seed) : options.seed;
    applySeed(seed, typeof options.seed === 'string' ? options.seed : 'seed', table, store, validator, nowMs);
  }
  return store;
}

export async function startAstraSimulator(options: AstraSimulatorOptions = {}): Promise<AstraSimulator> {
  const { table, validator } = specRuntime();
  const now = options.now ?? Date.now;
  if (options.data) removeStaleTemporaryFiles(options.data);
  const saved = options.data ? readStateFile(options.data) : null;
  const store = saved ? Store.restore(saved) : freshStore(table, validator, options, now());
  if (options.data) {
    const file = options.data;
    store.onChange = () => writeStateFile(file, store.snapshot());
    if (!saved) store.onChange();
  }
  const faults = new FaultInjector(options.faults ?? [], options.randomSeed);
  const server: Server = createServer(
    { keepAliveTimeout: 5_000 },
    createHandler({ table, store, validator, faults, lifecycleMs: options.lifecycleMs ?? 0, now }),
  );
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    accountId: store.accountId,
    token: store.token,
    setFaults: (rules) => faults.set(rules),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
