// An ES module program using the installed package as a user would, against
// the simulator the package ships (astra-control-sdk/testing): paging with a
// filter, a get, a create that clashes (problem 10), a 404, the raw client
// and the runtime entry.
import { ConflictError, NotFoundError, createAstraClient, problemTypes, where } from 'astra-control-sdk';
import { rawClient } from 'astra-control-sdk/raw';
import { createRuntime } from 'astra-control-sdk/runtime';
import { startAstraSimulator } from 'astra-control-sdk/testing';

const SECRET = Buffer.from('AKIA-SECRET').toString('base64');
const sim = await startAstraSimulator();
try {
  const options = { baseUrl: sim.url, accountId: sim.accountId, token: sim.token };
  const astra = createAstraClient(options);
  const s3 = (name) =>
    astra.credentials.create({ name, keyType: 's3', keyStore: { accessKey: SECRET, accessSecret: SECRET } });
  const first = await s3('s3-a');
  await s3('s3-b');
  await astra.credentials.create({ name: 'cert', keyType: 'certificate', keyStore: { certificate: SECRET } });
  const names = [];
  for await (const c of astra.credentials.list({ filter: where('keyType').eq('s3'), limit: 1 })) names.push(c.name);
  const one = await astra.credentials.get(first.id);
  let clash;
  try {
    await s3('s3-a');
  } catch (e) {
    clash = {
      conflict: e instanceof ConflictError,
      problem10: e.is(problemTypes.jsonResourceConflict),
      number: e.problemNumber,
      leaks: JSON.stringify(e).includes(SECRET),
    };
  }
  let missing;
  try {
    await astra.credentials.get('00000000-0000-4000-8000-000000000000');
  } catch (e) {
    missing = e instanceof NotFoundError;
  }
  const raw = await rawClient(astra).GET('/accounts/{account_id}/core/v1/credentials/{credential_id}', {
    params: { path: { account_id: sim.accountId, credential_id: first.id } },
  });
  console.log(
    JSON.stringify({
      names,
      one: one.name,
      clash,
      missing,
      raw: raw.data.name,
      runtime: typeof createRuntime(options).get,
    }),
  );
} finally {
  await sim.close();
}
