// Shared by the spec tests: where the repository is, and the spec loaded the
// way the toolchain loads it (safe YAML, local $refs only, bundled by
// swagger-parser), plus its dereferenced form for schema checks.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { load, type LoadedSpec } from '../../scripts/pipeline/load.ts';
import { operationsOf } from '../support/spec-checks.ts';

/** A node of a parsed OpenAPI document; the tests walk it freely. */
export type Node = Record<string, any>;

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const specDir = path.join(repoRoot, 'spec');
export const specRoot = path.join(specDir, 'openapi.yaml');

/** The account prefix every resource path starts with. */
export const ACCOUNT = '/accounts/{account_id}';

export interface LoadedForTests {
  loaded: LoadedSpec;
  bundled: Node;
  dereferenced: Node;
}

export async function loadSpec(): Promise<LoadedForTests> {
  const loaded = await load(specRoot);
  const dereferenced = (await SwaggerParser.dereference(structuredClone(loaded.bundled) as never)) as unknown as Node;
  return { loaded, bundled: loaded.bundled as Node, dereferenced };
}

export interface Op {
  path: string;
  method: string;
  operation: Node;
  /** `GET /accounts/{account_id}/...` */
  key: string;
}

export function ops(doc: Node): Op[] {
  return operationsOf(doc).map((o) => ({
    ...o,
    operation: o.operation as Node,
    key: `${o.method.toUpperCase()} ${o.path}`,
  }));
}

/** The operation at `METHOD path`, or undefined. */
export function opAt(doc: Node, method: string, p: string): Node | undefined {
  return doc.paths?.[p]?.[method.toLowerCase()] as Node | undefined;
}

/** A list operation: GET on a path that does not end in an id parameter. */
export function isList(method: string, p: string): boolean {
  return method === 'get' && !p.endsWith('}');
}
