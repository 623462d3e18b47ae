// Hand-written operation descriptors, shaped like the generator's output, so
// that runtime tests do not depend on generated/.

import type { OperationDescriptor } from '../../../src/operation.js';

export const ACCOUNT = 'acc-0001';

export interface Credential {
  type: 'application/astra-credential';
  version: '1.0' | '1.1';
  id: string;
  name: string;
  keyType: string;
  valid?: string;
  metadata?: { labels?: { name: string; value: string }[] };
}
export interface CredentialCreate {
  type?: 'application/astra-credential';
  version?: '1.0' | '1.1';
  name: string;
  keyType: string;
  keyStore: Record<string, string>;
}

export const listCredentials: OperationDescriptor = {
  id: 'listCredentials',
  method: 'GET',
  path: '/accounts/{account_id}/core/v1/credentials',
  pathParams: [],
  responseMediaType: 'application/json',
  pagination: 'continue',
  queryParams: ['continue', 'filter', 'include', 'limit', 'orderBy'],
};
export const listEvents: OperationDescriptor = {
  id: 'listEvents',
  method: 'GET',
  path: '/accounts/{account_id}/core/v1/events',
  pathParams: [],
  responseMediaType: 'application/json',
  pagination: 'continue',
  queryParams: ['continue', 'count', 'filter', 'include', 'limit', 'orderBy', 'skip'],
};
export const listFeatures: OperationDescriptor = {
  id: 'listFeatures',
  method: 'GET',
  path: '/accounts/{account_id}/core/v1/features',
  pathParams: [],
  responseMediaType: 'application/json',
  pagination: 'none',
  queryParams: ['count', 'filter', 'include', 'limit', 'orderBy', 'skip'],
};
export const getCredential: OperationDescriptor = {
  id: 'getCredential',
  method: 'GET',
  path: '/accounts/{account_id}/core/v1/credentials/{credential_id}',
  pathParams: ['credential_id'],
  responseMediaType: 'application/astra-credential+json',
};
export const createCredential: OperationDescriptor = {
  id: 'createCredential',
  method: 'POST',
  path: '/accounts/{account_id}/core/v1/credentials',
  pathParams: [],
  requestMediaType: 'application/astra-credential+json',
  responseMediaType: 'application/astra-credential+json',
  resourceType: 'application/astra-credential',
  versions: ['1.1', '1.0'],
  secretFields: ['keyStore'],
};
export const updateCredential: OperationDescriptor = {
  id: 'updateCredential',
  method: 'PUT',
  path: '/accounts/{account_id}/core/v1/credentials/{credential_id}',
  pathParams: ['credential_id'],
  requestMediaType: 'application/astra-credential+json',
  resourceType: 'application/astra-credential',
  versions: ['1.1', '1.0'],
  secretFields: ['keyStore'],
};
export const deleteCredential: OperationDescriptor = {
  id: 'deleteCredential',
  method: 'DELETE',
  path: '/accounts/{account_id}/core/v1/credentials/{credential_id}',
  pathParams: ['credential_id'],
};
export const listAppSnaps: OperationDescriptor = {
  id: 'listAppSnaps',
  method: 'GET',
  path: '/accounts/{account_id}/k8s/v1/apps/{app_id}/appSnaps',
  pathParams: ['app_id'],
  responseMediaType: 'application/json',
  pagination: 'none',
  queryParams: ['include', 'limit'],
};
export const getAppSnap: OperationDescriptor = {
  id: 'getAppSnap',
  method: 'GET',
  path: '/accounts/{account_id}/k8s/v1/apps/{app_id}/appSnaps/{appSnap_id}',
  pathParams: ['app_id', 'appSnap_id'],
  responseMediaType: 'application/astra-appSnap+json',
};
export const getMetrics: OperationDescriptor = {
  id: 'getMetrics',
  method: 'GET',
  path: '/accounts/{account_id}/metrics',
  pathParams: [],
  responseMediaType: 'application/openmetrics-text',
};
/** A body with a secret member other than a credential's keyStore (`password`). */
export const createUser: OperationDescriptor = {
  id: 'createUser',
  method: 'POST',
  path: '/accounts/{account_id}/core/v1/users',
  pathParams: [],
  requestMediaType: 'application/astra-user+json',
  responseMediaType: 'application/astra-user+json',
  resourceType: 'application/astra-user',
  versions: ['1.2'],
  secretFields: ['password'],
};

/** A list of anything, for pager tests driven by a page source of their own. */
export const listThings: OperationDescriptor = {
  id: 'listThings',
  method: 'GET',
  path: '/things',
  pathParams: [],
  pagination: 'continue',
};
