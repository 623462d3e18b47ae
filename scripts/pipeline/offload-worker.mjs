// Worker thread for the heavy, pure steps of a generation: printing the raw
// path types with openapi-typescript, swagger-parser's validation of the
// bundled document, and formatting with prettier. The
// worker starts importing both at once, so that cost overlaps with the main
// thread's load and validate. Plain JavaScript so it runs under any loader
// (tsx, vitest, plain node). Inputs and outputs are strings: results are the
// same bytes as the in-process path (see pipeline/offload.ts).
import { parentPort } from 'node:worker_threads';

const openapiTs = import('openapi-typescript');
const prettier = import('prettier');
const swaggerParser = import('@apidevtools/swagger-parser');

parentPort.on('message', async (message) => {
  try {
    if (message.kind === 'rawTypes') {
      const { default: openapiTS, astToString } = await openapiTs;
      const ast = await openapiTS(message.document, { alphabetize: true, silent: true });
      parentPort.postMessage({ id: message.id, result: astToString(ast) });
    } else if (message.kind === 'swaggerParserCheck') {
      // The same call and result shape as swaggerParserCheck in validate.ts
      // (the document is already a copy: messages are structured clones).
      const { default: SwaggerParser } = await swaggerParser;
      let result = null;
      try {
        await SwaggerParser.validate(message.document, { resolve: { external: false, http: false } });
      } catch (error) {
        result = {
          message: error.message,
          ...(error.details ? { details: JSON.parse(JSON.stringify(error.details)) } : {}),
        };
      }
      parentPort.postMessage({ id: message.id, result });
    } else if (message.kind === 'format') {
      const p = await prettier;
      const result = [];
      for (const { text, filepath } of message.files)
        result.push(await p.format(text, { ...message.config, parser: 'babel-ts', filepath }));
      parentPort.postMessage({ id: message.id, result });
    }
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String(error && error.message ? error.message : error) });
  }
});
