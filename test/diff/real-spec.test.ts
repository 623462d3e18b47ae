// The diff on the project's own spec (247 operations): against itself it
// finds nothing; against a copy with one shared schema changed, it lists the
// change once per operation that uses the schema, with the SDK methods.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffSpecs } from '../../scripts/diff/diff.ts';

const root = path.resolve(import.meta.dirname, '../..');
const spec = path.join(root, 'spec/openapi.yaml');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'astra-diff-real-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('diff of spec/', () => {
  it('finds nothing between the spec and itself', async () => {
    const report = await diffSpecs(spec, spec);
    expect(report.findings).toEqual([]);
    expect(report.semver).toBe('patch');
  });

  it('reports a shared enum value added once per operation that reads it', async () => {
    cpSync(path.join(root, 'spec'), path.join(tmp, 'spec'), { recursive: true });
    const file = path.join(tmp, 'spec/schemas/credential.yaml');
    const text = readFileSync(file, 'utf8');
    const enumLine = '  enum: [generic, passwordHash, apikey, kubeconfig, certificate, privkey, s3]';
    expect(text).toContain(enumLine);
    writeFileSync(file, text.replace(enumLine, enumLine.replace(']', ', azure]')));

    const report = await diffSpecs(spec, path.join(tmp, 'spec/openapi.yaml'));
    const byId = (id: string) => report.findings.filter((f) => f.id === id).map((f) => f.operation);
    expect(byId('response-enum-value-added').length).toBeGreaterThanOrEqual(3);
    expect(byId('request-enum-value-added')).toContain('POST /accounts/{account_id}/core/v1/credentials');
    expect(new Set(byId('response-enum-value-added')).size).toBe(byId('response-enum-value-added').length);
    expect(report.semver).toBe('major');
    expect(report.sdk.methods.map((m) => m.accessor)).toEqual(
      expect.arrayContaining(['astra.credentials.list', 'astra.credentials.get', 'astra.credentials.create']),
    );
    expect(report.sdk.types.changed).toContain('CredentialKeyType');
  });
});
