#!/usr/bin/env node
// Writes a synthetic OpenAPI 3.1 document shaped like Astra Control's, of any
// size, for the generator's scale test and benchmarks. The project's own:
// nothing here is read from outside the repository.
//
//   node bench/support/synth-spec.mjs --resources 300 --out /tmp/synth-300.json
//
// Each resource gets Astra's five operations on two paths:
//   /accounts/{account_id}/<category>/v1/<plural>            GET list (200), POST (201)
//   /accounts/{account_id}/<category>/v1/<plural>/{<name>_id} GET (200), PUT (204), DELETE (204)
// with a vendor media type (application/astra-<name>+json), a list envelope with
// continue-token paging, and problem-details errors, so every generator stage
// (model, client, docs, types) does the work it does on the real spec.
// Deterministic: the same resource count always gives the same bytes.

import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CATEGORIES = ['core', 'k8s', 'topology'];
// 40 × 25 distinct camel-case names before a numeric suffix is needed.
const QUALIFIERS = [
  'amber',
  'azure',
  'brisk',
  'cedar',
  'coral',
  'crisp',
  'dusky',
  'early',
  'fleet',
  'frost',
  'gilded',
  'grand',
  'hazel',
  'ivory',
  'jade',
  'keen',
  'lunar',
  'maple',
  'misty',
  'noble',
  'ochre',
  'olive',
  'pearl',
  'polar',
  'quiet',
  'rapid',
  'royal',
  'rustic',
  'sable',
  'silver',
  'solar',
  'stone',
  'swift',
  'tidal',
  'umber',
  'vivid',
  'wild',
  'windy',
  'young',
  'zesty',
];
const NOUNS = [
  'Anchor',
  'Beacon',
  'Bridge',
  'Canopy',
  'Cipher',
  'Comet',
  'Delta',
  'Ember',
  'Falcon',
  'Garden',
  'Harbor',
  'Island',
  'Lantern',
  'Meadow',
  'Nebula',
  'Orbit',
  'Prism',
  'Quarry',
  'Ridge',
  'Summit',
  'Thicket',
  'Valley',
  'Willow',
  'Zenith',
  'Voyage',
];

/** The resource names, in order: `amberAnchor`, `amberBeacon`, … */
export function resourceNames(count) {
  const names = [];
  for (let i = 0; names.length < count; i++) {
    const base = QUALIFIERS[Math.floor(i / NOUNS.length) % QUALIFIERS.length] + NOUNS[i % NOUNS.length];
    const round = Math.floor(i / (QUALIFIERS.length * NOUNS.length));
    names.push(round === 0 ? base : `${base}${round + 1}`);
  }
  return names;
}

const problemRef = (name) => ({ $ref: `#/components/responses/${name}` });
const schemaRef = (name) => ({ $ref: `#/components/schemas/${name}` });

function pascal(name) {
  return name[0].toUpperCase() + name.slice(1);
}

/** The read representation: server-owned members plus the resource's own fields. */
function resourceSchemas(name, index) {
  const Type = pascal(name);
  const mediaType = `application/astra-${name}`;
  const own = {
    name: { type: 'string', minLength: 1, maxLength: 63, description: `Name of the ${name}.` },
    description: { type: 'string', maxLength: 1024, description: 'Free text shown in the UI.' },
    replicas: { type: 'integer', minimum: 0, maximum: 64 + (index % 7), description: 'How many copies to keep.' },
    enabled: { type: 'boolean', description: 'Whether the resource takes part in scheduling.' },
    tags: { type: 'array', items: { type: 'string', maxLength: 63 }, description: 'Free-form tags.' },
    mode: { type: 'string', enum: ['fast', 'balanced', 'thorough'], description: 'How the work is done.' },
    target: {
      type: 'object',
      description: 'Where the work goes.',
      required: ['clusterID'],
      additionalProperties: false,
      properties: {
        clusterID: { type: 'string', format: 'uuid' },
        namespace: { type: 'string', maxLength: 63 },
      },
    },
  };
  const header = {
    type: { type: 'string', const: mediaType, description: 'Media type of the resource.' },
    version: { type: 'string', enum: ['1.0', '1.1'], description: 'Version of the resource.' },
  };
  const read = {
    type: 'object',
    description: `A ${name} as the service returns it.`,
    required: ['type', 'version', 'id', 'name', 'state', 'metadata'],
    additionalProperties: false,
    properties: {
      ...header,
      id: { type: 'string', format: 'uuid', readOnly: true, description: 'Server-assigned identifier.' },
      ...own,
      state: {
        type: 'string',
        enum: ['pending', 'running', 'completed', 'failed'],
        readOnly: true,
        description: 'Where the resource is in its life cycle.',
      },
      stateDetails: { type: 'array', items: schemaRef('StateDetail'), readOnly: true },
      metadata: schemaRef('Metadata'),
    },
  };
  const write = (required) => ({
    type: 'object',
    required: ['type', 'version', ...required],
    additionalProperties: false,
    properties: { ...header, ...own, metadata: schemaRef('Metadata') },
  });
  return {
    [Type]: read,
    [`${Type}Create`]: { ...write(['name', 'target']), description: `Body of a ${name} create.` },
    [`${Type}Update`]: { ...write([]), description: `Body of a ${name} replace.` },
    [`${Type}List`]: {
      type: 'object',
      required: ['items', 'metadata'],
      properties: { items: { type: 'array', items: schemaRef(Type) }, metadata: schemaRef('ListMetadata') },
    },
  };
}

function resourcePaths(name, index) {
  const Type = pascal(name);
  const plural = `${name}s`;
  const category = CATEGORIES[index % CATEGORIES.length];
  const collection = `/accounts/{account_id}/${category}/v1/${plural}`;
  const idParam = `${name}_id`;
  const vendor = `application/astra-${name}+json`;
  const tags = [Type];
  const errors = (...statuses) => Object.fromEntries(statuses.map((s) => [String(s), problemRef(`Problem${s}`)]));
  const listParams = ['Continue', 'Filter', 'Include', 'Limit', 'OrderBy'].map((p) => ({
    $ref: `#/components/parameters/${p}`,
  }));
  return {
    [collection]: {
      parameters: [{ $ref: '#/components/parameters/AccountId' }],
      get: {
        operationId: `list${Type}s`,
        summary: `List ${plural}`,
        tags,
        'x-astra-pagination': 'continue',
        parameters: listParams,
        responses: {
          200: {
            description: `The matching ${plural}.`,
            content: { 'application/json': { schema: schemaRef(`${Type}List`) } },
          },
          ...errors(400, 401, 403),
        },
      },
      post: {
        operationId: `create${Type}`,
        summary: `Create a ${name}`,
        tags,
        requestBody: { required: true, content: { [vendor]: { schema: schemaRef(`${Type}Create`) } } },
        responses: {
          201: {
            description: `The new ${name}.`,
            headers: { Location: { schema: { type: 'string', format: 'uri' } } },
            content: { [vendor]: { schema: schemaRef(Type) } },
          },
          ...errors(400, 401, 403, 409),
        },
      },
    },
    [`${collection}/{${idParam}}`]: {
      parameters: [
        { $ref: '#/components/parameters/AccountId' },
        { name: idParam, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      ],
      get: {
        operationId: `get${Type}`,
        summary: `Retrieve a ${name}`,
        tags,
        responses: {
          200: { description: `The ${name}.`, content: { [vendor]: { schema: schemaRef(Type) } } },
          ...errors(400, 401, 403, 404),
        },
      },
      put: {
        operationId: `update${Type}`,
        summary: `Replace a ${name}`,
        tags,
        requestBody: { required: true, content: { [vendor]: { schema: schemaRef(`${Type}Update`) } } },
        responses: { 204: { description: 'Replaced.' }, ...errors(400, 401, 403, 404, 409) },
      },
      delete: {
        operationId: `delete${Type}`,
        summary: `Delete a ${name}`,
        tags,
        responses: { 204: { description: 'Deleted.' }, ...errors(401, 403, 404) },
      },
    },
  };
}

const PROBLEM_TITLES = {
  400: 'The request is not valid',
  401: 'The bearer token is missing or invalid',
  403: 'The caller may not do this',
  404: 'The resource was not found',
  409: 'The resource conflicts with another',
};

function sharedComponents() {
  const queryParam = (name, schema, description) => ({ name, in: 'query', required: false, description, schema });
  return {
    parameters: {
      AccountId: { name: 'account_id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      Continue: queryParam('continue', { type: 'string' }, 'Opaque token of the next page.'),
      Filter: queryParam('filter', { type: 'string' }, "Filter expression, such as `name eq 'x'`."),
      Include: queryParam('include', { type: 'string' }, 'Comma-separated fields to return.'),
      Limit: queryParam('limit', { type: 'integer', minimum: 1 }, 'Largest number of items to return.'),
      OrderBy: queryParam('orderBy', { type: 'string' }, 'Field to sort by, then `asc` or `desc`.'),
    },
    responses: Object.fromEntries(
      Object.entries(PROBLEM_TITLES).map(([status, title]) => [
        `Problem${status}`,
        { description: title, content: { 'application/problem+json': { schema: schemaRef('Problem') } } },
      ]),
    ),
    schemas: {
      Metadata: {
        type: 'object',
        description: 'Labels and bookkeeping timestamps.',
        properties: {
          labels: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'value'],
              properties: { name: { type: 'string' }, value: { type: 'string' } },
            },
          },
          creationTimestamp: { type: 'string', format: 'date-time', readOnly: true },
          modificationTimestamp: { type: 'string', format: 'date-time', readOnly: true },
          createdBy: { type: 'string', format: 'uuid', readOnly: true },
        },
      },
      ListMetadata: {
        type: 'object',
        properties: {
          continue: { type: 'string' },
          count: { type: 'integer', minimum: 0 },
        },
      },
      StateDetail: {
        type: 'object',
        required: ['type', 'title'],
        properties: { type: { type: 'string', format: 'uri' }, title: { type: 'string' }, detail: { type: 'string' } },
      },
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status'],
        properties: {
          type: { type: 'string', format: 'uri-reference' },
          title: { type: 'string' },
          status: { type: 'string' },
          detail: { type: 'string' },
          correlationID: { type: 'string' },
        },
      },
    },
  };
}

/** A synthetic Astra-style OpenAPI 3.1 document with `resources` resources (five operations each). */
export function synthesizeSpec(resources) {
  if (!Number.isInteger(resources) || resources < 1 || resources > 100_000) {
    throw new RangeError(`resources must be an integer in 1..100000, got ${resources}`);
  }
  const names = resourceNames(resources);
  const shared = sharedComponents();
  const schemas = { ...shared.schemas };
  const paths = {};
  names.forEach((name, i) => {
    Object.assign(schemas, resourceSchemas(name, i));
    Object.assign(paths, resourcePaths(name, i));
  });
  return {
    openapi: '3.1.0',
    info: { title: `Synthetic Astra-style API (${resources} resources)`, version: '1.0.0' },
    servers: [{ url: 'https://astra.example.com' }],
    security: [{ bearer: [] }],
    tags: names.map((name) => ({ name: pascal(name), description: `The ${name} resource.` })),
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      parameters: shared.parameters,
      responses: shared.responses,
      schemas,
    },
  };
}

function main(argv) {
  let resources = 28;
  let out = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--resources') resources = Number(argv[++i]);
    else if (argv[i] === '--out') out = argv[++i];
    else if (argv[i] === '--help') {
      console.log('usage: node bench/support/synth-spec.mjs --resources N --out FILE.json');
      return 0;
    } else {
      console.error(`synth-spec: unknown argument ${argv[i]}`);
      return 2;
    }
  }
  if (!out) {
    console.error('synth-spec: --out FILE is required');
    return 2;
  }
  writeFileSync(out, `${JSON.stringify(synthesizeSpec(resources), null, 2)}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
