// Imports only the main entry: the program must not load ./raw's types.
import { createAstraClient } from 'astra-control-sdk';

const astra = createAstraClient({ baseUrl: 'https://astra.example.com', accountId: 'acc-1', token: 't' });
export const name: Promise<string> = astra.credentials.get('c1').then((c) => c.name);
