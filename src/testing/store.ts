// The simulator's state: one ordered map per stored collection (keyed by the
// resource type), each resource with its public representation, its
// write-only members (stored, never returned), the parent ids of the path it
// was created under, and the validators (ETag, modification time) that
// conditional requests compare against. Every change is reported to the
// persistence hook before the request that made it is answered.
import { createHash } from 'node:crypto';
import type { JsonObject } from '../../scripts/util/json.ts';

export interface StoredResource {
  collection: string;
  id: string;
  /** Creation order: the default sort key and the keyset tie-breaker of continue tokens. */
  seq: number;
  /** Path parameters (other than the account and the id) of the path it was created under. */
  parents: Record<string, string>;
  /** What reads return. */
  body: JsonObject;
  /** Write-only members (a credential's keyStore). */
  secrets: JsonObject;
  etag: string;
  /** `body` as UTF-8 JSON, serialized once per change: reads and list pages copy these bytes. */
  bytes: Buffer;
  modifiedMs: number;
  /** `modifiedMs` as an HTTP date, for Last-Modified. */
  lastModified: string;
  createdMs: number;
}

export interface StoredState {
  format: 'astra-simulator-state';
  version: 1;
  accountId: string;
  token: string;
  userId: string;
  nextSeq: number;
  resources: Array<
    Pick<StoredResource, 'collection' | 'id' | 'seq' | 'parents' | 'body' | 'secrets' | 'modifiedMs' | 'createdMs'>
  >;
}

/** The serialized form and validators of a representation. */
function serialized(body: JsonObject): Pick<StoredResource, 'bytes' | 'etag'> {
  const bytes = Buffer.from(JSON.stringify(body));
  return { bytes, etag: `"${createHash('sha1').update(bytes).digest('base64url').slice(0, 22)}"` };
}

export class Store {
  private readonly collections = new Map<string, Map<string, StoredResource>>();
  private nextSeq = 1;
  /** Called after every change (persistence writes the state here). */
  onChange: () => void = () => {};

  constructor(
    readonly accountId: string,
    readonly token: string,
    readonly userId: string,
  ) {}

  private bucket(collection: string): Map<string, StoredResource> {
    let b = this.collections.get(collection);
    if (!b) this.collections.set(collection, (b = new Map()));
    return b;
  }

  get(collection: string, id: string): StoredResource | undefined {
    return this.collections.get(collection)?.get(id);
  }

  /** The resources of a collection in creation order. */
  all(collection: string): Iterable<StoredResource> {
    return this.collections.get(collection)?.values() ?? [];
  }

  insert(
    collection: string,
    id: string,
    parents: Record<string, string>,
    body: JsonObject,
    secrets: JsonObject,
    nowMs: number,
    notify = true,
  ): StoredResource {
    const record: StoredResource = {
      collection,
      id,
      seq: this.nextSeq++,
      parents,
      body,
      secrets,
      ...serialized(body),
      modifiedMs: nowMs,
      lastModified: new Date(nowMs).toUTCString(),
      createdMs: nowMs,
    };
    this.bucket(collection).set(id, record);
    if (notify) this.onChange();
    return record;
  }

  /** Replaces the representation in place (same id, same creation order). */
  replace(record: StoredResource, body: JsonObject, secrets: JsonObject, nowMs: number): StoredResource {
    record.body = body;
    record.secrets = secrets;
    Object.assign(record, serialized(body));
    record.modifiedMs = nowMs;
    record.lastModified = new Date(nowMs).toUTCString();
    this.onChange();
    return record;
  }

  remove(collection: string, id: string): boolean {
    const removed = this.collections.get(collection)?.delete(id) ?? false;
    if (removed) this.onChange();
    return removed;
  }

  snapshot(): StoredState {
    const resources: StoredState['resources'] = [];
    for (const bucket of this.collections.values()) {
      for (const r of bucket.values())
        resources.push({
          collection: r.collection,
          id: r.id,
          seq: r.seq,
          parents: r.parents,
          body: r.body,
          secrets: r.secrets,
          modifiedMs: r.modifiedMs,
          createdMs: r.createdMs,
        });
    }
    return {
      format: 'astra-simulator-state',
      version: 1,
      accountId: this.accountId,
      token: this.token,
      userId: this.userId,
      nextSeq: this.nextSeq,
      resources,
    };
  }

  static restore(state: StoredState): Store {
    const store = new Store(state.accountId, state.token, state.userId);
    for (const r of [...state.resources].sort((a, b) => a.seq - b.seq)) {
      store
        .bucket(r.collection)
        .set(r.id, { ...r, ...serialized(r.body), lastModified: new Date(r.modifiedMs).toUTCString() });
    }
    store.nextSeq = Math.max(state.nextSeq, ...state.resources.map((r) => r.seq + 1), 1);
    return store;
  }
}
