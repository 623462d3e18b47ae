// `npm run mock -- [--port 4010] [--host 127.0.0.1] [--seed FILE] [--data FILE] [--lifecycle-ms N]`:
// the Astra simulator as a standalone server for manual testing and other
// languages' clients. Prints the URL, the account id and the bearer token;
// Ctrl-C (or SIGTERM) stops it once open requests are done (every change is
// already on disk when --data is given).
import { startAstraSimulator, type AstraSimulatorOptions } from '../src/testing/index.ts';

const USAGE = 'usage: npm run mock -- [--port 4010] [--host 127.0.0.1] [--seed FILE] [--data FILE] [--lifecycle-ms N]';

function parseArgs(argv: string[]): AstraSimulatorOptions {
  const options: AstraSimulatorOptions = { port: 4010 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    const integer = (v: string) => {
      if (!/^[0-9]+$/.test(v)) throw new Error(`${flag}: ${JSON.stringify(v)} is not a whole number\n${USAGE}`);
      return Number(v);
    };
    if (flag === '--port') options.port = integer(value());
    else if (flag === '--host') options.host = value();
    else if (flag === '--seed') options.seed = value();
    else if (flag === '--data') options.data = value();
    else if (flag === '--lifecycle-ms') options.lifecycleMs = integer(value());
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  return options;
}

try {
  const sim = await startAstraSimulator(parseArgs(process.argv.slice(2)));
  console.log(`Astra simulator listening on ${sim.url}`);
  console.log(`  account id: ${sim.accountId}`);
  console.log(`  token:      ${sim.token}`);
  console.log(`  e.g. createAstraClient({ baseUrl: '${sim.url}', accountId: '${sim.accountId}', token: '…' })`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    sim.close().then(
      () => {
        console.log(`\nstopped (${signal})`);
        process.exit(0);
      },
      (e: Error) => {
        console.error(`mock: ${e.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (e) {
  console.error(`mock: ${(e as Error).message}`);
  process.exit(1);
}
