// Worker thread for the two heavy, pure steps of a generation: printing the
// raw path types with openapi-typescript and formatting with prettier. The
// worker starts importing both at once, so that cost overlaps with the main
// thread's load and validate. Plain JavaScript so it runs under any loader
// (tsx, vitest, plain node). Inputs and outputs are strings: results are the
// same bytes as the in-process path (see pipeline/offload.ts).
import { parentPort } from 'node:worker_threads';

const openapiTs = import('openapi-typescript');
const prettier = import('prettier');

parentPort.on('message', async (message) => {
  try {
    if (message.kind === 'rawTypes') {
      const { default: openapiTS, astToString } = await openapiTs;
      const ast = await openapiTS(message.document, { alphabetize: true, silent: true });
      parentPort.postMessage({ id: message.id, result: astToString(ast) });
    } else if (message.kind === 'format') {
      const p = await prettier;
      const result = [];
      for (const { text, filepath } of message.files) result.push(await p.format(text, { ...message.config, parser: 'babel-ts', filepath }));
      parentPort.postMessage({ id: message.id, result });
    }
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String(error && error.message ? error.message : error) });
  }
});
