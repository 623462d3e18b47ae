// Helpers for the simulator tests: a simulator with a small HTTP client that
// adds the token and the account prefix, and an ajv over the bundled spec to
// check what the simulator answers against the spec's own schemas.
import openapi from '../../generated/openapi.json' with { type: 'json' };
import { makeAjv } from '../support/spec-checks.ts';
import { startAstraSimulator, type AstraSimulator, type AstraSimulatorOptions } from '../../src/testing/index.ts';
import { createAstraClient } from '../../src/index.js';

export const spec = openapi as unknown as Record<string, any>;

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export interface TestSimulator extends AstraSimulator {
  /** `path` relative to `/accounts/{account}` unless it starts with `/accounts`. */
  http(
    method: string,
    path: string,
    init?: { headers?: Record<string, string>; body?: unknown; token?: string | null },
  ): Promise<HttpResult>;
  client(): ReturnType<typeof createAstraClient>;
  accountPath(path: string): string;
}

export async function startTestSimulator(options: AstraSimulatorOptions = {}): Promise<TestSimulator> {
  const sim = await startAstraSimulator(options);
  const accountPath = (path: string) => (path.startsWith('/accounts') ? path : `/accounts/${sim.accountId}${path}`);
  return Object.assign(sim, {
    accountPath,
    client: () => createAstraClient({ baseUrl: sim.url, accountId: sim.accountId, token: sim.token, maxRetries: 0 }),
    async http(
      method: string,
      path: string,
      init: { headers?: Record<string, string>; body?: unknown; token?: string | null } = {},
    ) {
      const headers: Record<string, string> = { ...init.headers };
      const token = init.token === undefined ? sim.token : init.token;
      if (token !== null) headers.authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(sim.url + accountPath(path), { method, headers, body });
      const text = await res.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.status, headers: res.headers, text, json };
    },
  });
}

let ajv: ReturnType<typeof makeAjv> | undefined;

/** ajv errors (as text) of `value` against `#/components/schemas/<name>` or any pointer into the spec; '' when valid. */
export function schemaErrors(pointer: string, value: unknown): string {
  if (!ajv) {
    ajv = makeAjv();
    ajv.addSchema({ ...spec, $id: 'urn:test:spec' });
  }
  const validate = ajv.getSchema(`urn:test:spec${pointer}`) ?? ajv.compile({ $ref: `urn:test:spec${pointer}` });
  return validate(value) ? '' : ajv.errorsText(validate.errors);
}

export const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Pointer of the schema of an operation's response content. */
export function responseSchemaPointer(path: string, method: string, status: string, mediaType: string): string {
  const response = spec.paths[path][method].responses[status];
  const base = response.$ref ? response.$ref : `#/paths/${escapePointer(path)}/${method}/responses/${status}`;
  return `${base}/content/${escapePointer(mediaType)}/schema`;
}
