// An ES module program using the installed package as a user would.
import { ConflictError, NotFoundError, createAstraClient, problemTypes, where } from 'astra-control-sdk';
import { rawClient } from 'astra-control-sdk/raw';
import { createRuntime } from 'astra-control-sdk/runtime';

const options = { baseUrl: process.env.ASTRA_URL, accountId: 'acc-1', token: 'secret-token' };
const astra = createAstraClient(options);
const names = [];
for await (const c of astra.credentials.list({ filter: where('keyType').eq('s3'), limit: 1 })) names.push(c.name);
const one = await astra.credentials.get('c1');
const outcome = (e) => ({
  conflict: e instanceof ConflictError,
  problem10: e.is(problemTypes.jSONResourceConflict),
  number: e.problemNumber,
  leaks: JSON.stringify(e).includes('AKIA-SECRET'),
});
let clash;
try {
  await astra.credentials.create({ name: 'bucket-key', keyType: 's3', keyStore: { accessKey: 'AKIA-SECRET' } });
} catch (e) {
  clash = outcome(e);
}
let missing;
try {
  await astra.credentials.get('nope');
} catch (e) {
  missing = e instanceof NotFoundError;
}
const raw = await rawClient(astra).GET('/accounts/{account_id}/core/v1/credentials/{credential_id}', {
  params: { path: { account_id: 'acc-1', credential_id: 'c1' } },
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
