// `npm run demo`: a short tour of the SDK against the embedded simulator, in
// one process and with no network: credentials created, listed page by page
// with a filter, projected with `include`, updated under `If-Match`; an app
// backup created and polled until it completes; a delete; and typed problem
// errors provoked and printed. The README's first example; the test suite
// runs it and expects exit 0.
import {
  ConflictError,
  createAstraClient,
  NotFoundError,
  PreconditionFailedError,
  problemTypes,
  where,
} from '../src/index.js';
import { startAstraSimulator } from '../src/testing/index.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const base64 = (text: string) => Buffer.from(text).toString('base64');

const sim = await startAstraSimulator({ lifecycleMs: 600 });
try {
  const astra = createAstraClient({ baseUrl: sim.url, accountId: sim.accountId, token: sim.token });
  console.log(`simulator at ${sim.url}, account ${sim.accountId}\n`);

  // Create: the client fills `type` and `version` and sends the vendor media type.
  const s3 = await astra.credentials.create({
    name: 'backup-bucket',
    keyType: 's3',
    keyStore: { accessKey: base64('AKIA…'), accessSecret: base64('secret') },
  });
  for (const name of ['archive', 'logs', 'mirror']) {
    await astra.credentials.create({
      name,
      keyType: 's3',
      keyStore: { accessKey: base64(name), accessSecret: base64('secret') },
    });
  }
  await astra.credentials.create({
    name: 'ops-cert',
    keyType: 'certificate',
    keyStore: { certificate: base64('-----BEGIN CERTIFICATE-----') },
  });
  console.log(
    `created credential ${s3.name} (${s3.id}); the keyStore is never returned: ${'keyStore' in s3 ? 'returned!' : 'absent'}`,
  );

  // List: two per page, filtered; the pager follows `metadata.continue`.
  let page = 0;
  for await (const p of astra.credentials.list({ filter: where('keyType').eq('s3'), limit: 2 }).pages()) {
    console.log(`page ${++page}: ${p.items.map((c) => c.name).join(', ')}${p.continue ? ' (more…)' : ''}`);
  }

  // include: just the fields asked for, mapped back to objects.
  const projected = await astra.credentials.list({ include: ['name', 'keyType'] }).toArray({ max: 100 });
  console.log('include name,keyType:', projected.map((c) => `${c.name}:${c.keyType}`).join(' '));

  // Update under If-Match: the ETag comes from a read (astra.raw exposes response headers).
  const read = await astra.raw.GET('/accounts/{account_id}/core/v1/credentials/{credential_id}', {
    params: { path: { account_id: sim.accountId, credential_id: s3.id } },
    headers: { accept: 'application/astra-credential+json' },
  });
  const etag = read.response.headers.get('etag')!;
  await astra.credentials.update(
    s3.id,
    {
      name: s3.name,
      keyType: 's3',
      keyStore: { accessKey: base64('rotated'), accessSecret: base64('rotated') },
      valid: 'true',
    },
    { headers: { 'If-Match': etag } },
  );
  console.log(`updated ${s3.name} with If-Match: ${etag}`);
  try {
    await astra.credentials.update(
      s3.id,
      { name: s3.name, keyStore: { accessKey: base64('x'), accessSecret: base64('y') } },
      { headers: { 'If-Match': etag } },
    );
  } catch (err) {
    if (!(err instanceof PreconditionFailedError && err.is(problemTypes.preconditionNotMet))) throw err;
    console.log(`the same ETag again: ${err.status} problem ${err.problemNumber} "${err.title}"`);
  }

  // A long-running resource: a backup moves from pending through running to completed.
  const app = await astra.apps.create({
    name: 'mysql',
    clusterID: '7b4620be-cc20-4680-8ae7-2048dbd872c8',
    namespaceScopedResources: [{ namespace: 'mysql' }],
  });
  let backup = await astra.apps.appBackups.create(app.id, { name: 'mysql-nightly' });
  const states = [backup.state];
  while (backup.state !== 'completed') {
    await sleep(100);
    backup = await astra.apps.appBackups.get(app.id, backup.id);
    if (states[states.length - 1] !== backup.state) states.push(backup.state);
  }
  console.log(`backup ${backup.name}: ${states.join(' → ')}`);

  // Delete, then the typed error a read of it gives.
  await astra.credentials.delete(s3.id);
  try {
    await astra.credentials.get(s3.id);
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
    console.log(`deleted; reading it again: ${err.name} ${err.status}, problem ${err.problemNumber} "${err.title}"`);
  }

  // A typed problem with invalidFields: a credential name that is taken.
  try {
    await astra.credentials.create({ name: 'logs', keyStore: { note: base64('dup') } });
  } catch (err) {
    if (!(err instanceof ConflictError && err.is(problemTypes.jsonResourceConflict))) throw err;
    console.log(
      `name taken: ${err.name} ${err.status}, problem ${err.problemNumber}, invalidFields ${JSON.stringify(err.invalidFields)}`,
    );
  }
} finally {
  await sim.close();
}
