// `--seed FILE`: resources to start with, each created as if POSTed to the
// collection path it names (or, for collections the API only lists, stored
// as given once it validates against the read schema). Bad seed data is
// refused with the file and the JSON pointer of the offending member.
//
//   { "resources": [ { "path": "/core/v1/credentials", "body": { "type": …, "version": …, … } } ] }
//
// `path` is the collection path after `/accounts/{account_id}` (or a full
// path starting with `/accounts/`), with real parent ids.
import { readFileSync } from 'node:fs';
import type { JsonObject } from '../../scripts/util/json.ts';
import { newRepresentation } from './representation.ts';
import type { RouteTable } from './routes.ts';
import { missingParent } from './scope.ts';
import type { Store } from './store.ts';
import { invalidEntries, type SchemaValidator } from './validation.ts';
import { withState } from './lifecycle.ts';
import { isObject, propertiesOf } from './schema-walk.ts';

export interface SeedResource {
  /** Collection path, e.g. `/core/v1/credentials` or `/k8s/v1/apps/<app id>/appSnaps`. */
  path: string;
  /** The resource as a create body (or, for list-only collections, as the API returns it). May carry `id`. */
  body: Record<string, unknown>;
}

export interface SeedDocument {
  resources: SeedResource[];
}

export class SeedError extends Error {
  constructor(
    readonly file: string,
    readonly pointer: string,
    reason: string,
  ) {
    super(`${file}#${pointer}: ${reason}`);
    this.name = 'SeedError';
  }
}

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
/** `metadata.labels[0].name` → `/metadata/labels/0/name`. */
const fieldPointer = (field: string) =>
  field === 'body'
    ? ''
    : '/' +
      field
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .map(escape)
        .join('/');

export function readSeedFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SeedError(file, '', `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SeedError(file, '', `is not valid JSON (${(e as Error).message})`);
  }
}

export function applySeed(
  seed: unknown,
  source: string,
  table: RouteTable,
  store: Store,
  validator: SchemaValidator,
  nowMs: number,
): void {
  if (!isObject(seed) || !Array.isArray(seed.resources))
    throw new SeedError(source, '/resources', 'must be an array of { path, body }');
  seed.resources.forEach((entry, i) => {
    const at = `/resources/${i}`;
    if (!isObject(entry)) throw new SeedError(source, at, 'must be an object with path and body');
    if (typeof entry.path !== 'string')
      throw new SeedError(source, `${at}/path`, 'must be a collection path such as "/core/v1/credentials"');
    if (!isObject(entry.body)) throw new SeedError(source, `${at}/body`, 'must be an object');
    const full = entry.path.startsWith('/accounts')
      ? entry.path
      : `/accounts/${store.accountId}${entry.path.startsWith('/') ? '' : '/'}${entry.path}`;
    const create = table.match('POST', full);
    const list = table.match('GET', full);
    const found =
      create.kind === 'found' ? create : list.kind === 'found' && list.route.op.kind === 'list' ? list : null;
    if (!found)
      throw new SeedError(source, `${at}/path`, `${JSON.stringify(entry.path)} is not a collection of the API`);
    const { route, params } = found;
    const body = entry.body as JsonObject;
    const { id: givenId, ...rest } = body;
    if (
      givenId !== undefined &&
      (typeof givenId !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(givenId))
    ) {
      throw new SeedError(source, `${at}/body/id`, 'must be a lowercase UUID');
    }
    if (typeof givenId === 'string' && store.get(route.collection.key, givenId))
      throw new SeedError(source, `${at}/body/id`, `${givenId} is used twice`);
    const missing = missingParent(table, store, route, params);
    if (missing) throw new SeedError(source, `${at}/path`, `${missing} (seed parents before their children)`);
    for (const [name, value] of Object.entries(params)) {
      if (name === 'account_id' && value !== store.accountId)
        throw new SeedError(source, `${at}/path`, `names account ${value}, not the simulator's ${store.accountId}`);
    }
    const ctx = {
      doc: table.document,
      collection: route.collection,
      defaultVersion: route.op.versions[0] ?? null,
      userId: store.userId,
      nowMs,
    };
    const created = newRepresentation(ctx, body);
    const isCreate = route.op.kind === 'create';
    // A create body is checked as sent (with `id` only where the API adopts one); a list-only resource as stored.
    const checked = isCreate
      ? propertiesOf(table.document, route.bodySchema ?? {}).has('id')
        ? body
        : rest
      : created.body;
    const schema = isCreate
      ? route.bodySchema
      : route.collection.readSchema
        ? { $ref: route.collection.readSchema }
        : null;
    if (schema) {
      const errors = validator.check(schema, checked);
      if (errors.length) {
        const first = invalidEntries(errors, 'body')[0]!;
        throw new SeedError(source, `${at}/body${fieldPointer(first.name)}`, first.reason);
      }
    }
    let stored = created.body;
    if (route.collection.lifecycle && isCreate) {
      stored = withState(
        stored,
        'completed',
        new Set(propertiesOf(table.document, { $ref: route.collection.readSchema! }).keys()),
      );
    }
    const scope: Record<string, string> = { ...params };
    store.insert(route.collection.key, created.id, scope, stored, created.secrets, nowMs, false);
  });
}
