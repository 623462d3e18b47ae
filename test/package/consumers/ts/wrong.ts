// Misuses the API: the compile must fail exactly here (proves the types are checked).
import { createAstraClient } from 'astra-control-sdk';

const astra = createAstraClient({ baseUrl: 'https://astra.example.com', accountId: 'acc-1', token: 't' });
export const name = astra.credentials.get(42);
