// Request bodies typed by the spec's if/then rules (issue 13): a credential's
// keyStore by its keyType, an execution hook's stage by its action. Each
// `@ts-expect-error` line must fail to compile, and every other call must
// compile; discriminated-bodies.test.ts checks both, and that nothing else
// is reported.
import { createAstraClient } from '../../src/index.ts';
import type { CredentialCreate, ExecutionHook } from '../../generated/models/index.js';
import type { BodyInput } from '../../src/operation.ts';

const astra = createAstraClient({ baseUrl: 'http://127.0.0.1:1', accountId: 'acc', token: 'token' });
// Short names keep each call on one line, under the directive that expects its error.
const { create, update } = astra.credentials;
const b64 = 'c2VjcmV0';

export async function credentials(): Promise<void> {
  // Each keyType with the parts it needs.
  await create({
    name: 'bucket',
    keyType: 's3',
    keyStore: { accessKey: b64, accessSecret: b64 },
  });
  await create({ name: 'tls', keyType: 'certificate', keyStore: { certificate: b64 } });
  await create({ name: 'key', keyType: 'privkey', keyStore: { privkey: b64 } });
  await create({ name: 'api', keyType: 'apikey', keyStore: { apikey: b64 } });
  await create({ name: 'kube', keyType: 'kubeconfig', keyStore: { base64: b64 } });
  await create({
    name: 'user-1',
    keyType: 'passwordHash',
    keyStore: { cleartext: b64, change: 'dHJ1ZQ==' },
  });
  // generic, or no keyType: any non-empty map of parts.
  await create({ name: 'any', keyType: 'generic', keyStore: { whatever: b64 } });
  await create({ name: 'any', keyStore: { privKey: b64, pubKey: b64 } });
  // Extra parts beside the required ones are allowed (the spec's maps are open).
  await create({
    name: 'bucket',
    keyType: 's3',
    keyStore: { accessKey: b64, accessSecret: b64, region: b64 },
  });
  // A keyStore held in a variable of the map type: its emptiness is not known, so it compiles.
  const parts: Record<string, string> = { any: b64 };
  await create({ name: 'any', keyStore: parts });
  await update('c1', { name: 'tls', keyType: 'certificate', keyStore: { certificate: b64 } });

  // @ts-expect-error s3 with a certificate's parts
  await create({ name: 'bucket', keyType: 's3', keyStore: { certificate: b64 } });
  // @ts-expect-error s3 without accessSecret
  await create({ name: 'bucket', keyType: 's3', keyStore: { accessKey: b64 } });
  // @ts-expect-error the old name of the secret part
  await create({ name: 'bucket', keyType: 's3', keyStore: { accessKey: b64, secretKey: b64 } });
  // @ts-expect-error certificate with s3's parts
  await create({
    name: 'tls',
    keyType: 'certificate',
    keyStore: { accessKey: b64, accessSecret: b64 },
  });
  // @ts-expect-error passwordHash without change
  await create({ name: 'user-1', keyType: 'passwordHash', keyStore: { cleartext: b64 } });
  await create({
    name: 'user-1',
    keyType: 'passwordHash',
    // @ts-expect-error passwordHash with a change that is not base64 of "true" or "false"
    keyStore: { cleartext: b64, change: 'yes' },
  });
  // @ts-expect-error an empty keyStore, no keyType
  await create({ name: 'any', keyStore: {} });
  // @ts-expect-error an empty keyStore, generic
  await create({ name: 'any', keyType: 'generic', keyStore: {} });
  // @ts-expect-error an empty keyStore on update
  await update('c1', { name: 'any', keyStore: {} });
  // @ts-expect-error a mismatched keyStore on update
  await update('c1', { name: 'kube', keyType: 'kubeconfig', keyStore: { certificate: b64 } });
  // @ts-expect-error a keyType the spec does not list
  await create({ name: 'x', keyType: 'token', keyStore: { token: b64 } });
  // @ts-expect-error excess members are still refused beside the keyStore
  await create({ name: 'any', keyStore: { a: b64 }, nmae: 'typo' });
}

export function bodies(): void {
  // The model type itself is the union, for code that builds bodies apart from the call.
  const s3: BodyInput<CredentialCreate> = {
    name: 'b',
    keyType: 's3',
    keyStore: { accessKey: b64, accessSecret: b64 },
  };
  // @ts-expect-error the same mismatch, in a variable of the body type
  const wrong: BodyInput<CredentialCreate> = { name: 'b', keyType: 's3', keyStore: { certificate: b64 } };
  void [s3, wrong];
}

export async function executionHooks(): Promise<void> {
  const hook = {
    name: 'quiesce',
    hookType: 'custom',
    hookSourceID: '5f7e2e31-280d-5984-a28b-2d19ab5b77c0',
    appID: '7b4620be-cc20-4680-8ae7-2048dbd872c8',
  } as const;
  const hooks = astra.executionHooks;
  await hooks.create({ ...hook, action: 'snapshot', stage: 'pre' });
  await hooks.create({ ...hook, action: 'restore', stage: 'post' });
  // @ts-expect-error a restore hook can only run afterwards
  await hooks.create({ ...hook, action: 'restore', stage: 'pre' });
  // @ts-expect-error so can a failover hook
  await hooks.create({ ...hook, action: 'failover', stage: 'pre' });
}

/** A hook read narrows by action: the stage of a restore hook is 'post'. */
export function readHookStage(read: ExecutionHook): 'post' | undefined {
  return read.action === 'restore' ? read.stage : undefined;
}
