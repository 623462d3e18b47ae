// Every rule, one per file. The registry audit (test/diff/registry.test.ts)
// fails when a file here is not listed, or a kind of structural change has
// no rule and no reason below.
import type { ChangeKind } from '../changes.ts';
import type { Rule } from '../rule.ts';
import apiDescriptionChanged from './api-description-changed.ts';
import apiTitleChanged from './api-title-changed.ts';
import apiVersionChanged from './api-version-changed.ts';
import documentFieldChanged from './document-field-changed.ts';
import operationAdded from './operation-added.ts';
import operationDeprecated from './operation-deprecated.ts';
import operationDescriptionChanged from './operation-description-changed.ts';
import operationFieldChanged from './operation-field-changed.ts';
import operationIdChanged from './operation-id-changed.ts';
import operationReactivated from './operation-reactivated.ts';
import operationRemoved from './operation-removed.ts';
import operationSummaryChanged from './operation-summary-changed.ts';
import operationTagChanged from './operation-tag-changed.ts';
import pathParameterRenamed from './path-parameter-renamed.ts';
import problemTypeAdded from './problem-type-added.ts';
import problemTypeChanged from './problem-type-changed.ts';
import problemTypeRemoved from './problem-type-removed.ts';
import problemTypeRenamed from './problem-type-renamed.ts';
import requestAdditionalPropertiesAllowed from './request-additional-properties-allowed.ts';
import requestAdditionalPropertiesRefused from './request-additional-properties-refused.ts';
import requestBecameNullable from './request-became-nullable.ts';
import requestBodyAddedOptional from './request-body-added-optional.ts';
import requestBodyAddedRequired from './request-body-added-required.ts';
import requestBodyBecameOptional from './request-body-became-optional.ts';
import requestBodyBecameRequired from './request-body-became-required.ts';
import requestBodyDescriptionChanged from './request-body-description-changed.ts';
import requestBodyRemoved from './request-body-removed.ts';
import requestConstraintRelaxed from './request-constraint-relaxed.ts';
import requestConstraintTightened from './request-constraint-tightened.ts';
import requestDefaultChanged from './request-default-changed.ts';
import requestEnumRemoved from './request-enum-removed.ts';
import requestEnumValueAdded from './request-enum-value-added.ts';
import requestEnumValueRemoved from './request-enum-value-removed.ts';
import requestMediaTypeAdded from './request-media-type-added.ts';
import requestMediaTypeRemoved from './request-media-type-removed.ts';
import requestNullableRemoved from './request-nullable-removed.ts';
import requestParameterAddedOptional from './request-parameter-added-optional.ts';
import requestParameterAddedRequired from './request-parameter-added-required.ts';
import requestParameterBecameOptional from './request-parameter-became-optional.ts';
import requestParameterBecameRequired from './request-parameter-became-required.ts';
import requestParameterDeprecated from './request-parameter-deprecated.ts';
import requestParameterDescriptionChanged from './request-parameter-description-changed.ts';
import requestParameterRemoved from './request-parameter-removed.ts';
import requestParameterStyleChanged from './request-parameter-style-changed.ts';
import requestPropertyAddedOptional from './request-property-added-optional.ts';
import requestPropertyAddedRequired from './request-property-added-required.ts';
import requestPropertyBecameOptional from './request-property-became-optional.ts';
import requestPropertyBecameRequired from './request-property-became-required.ts';
import requestPropertyRemoved from './request-property-removed.ts';
import requestVariantAdded from './request-variant-added.ts';
import requestVariantRemoved from './request-variant-removed.ts';
import responseAdditionalPropertiesAllowed from './response-additional-properties-allowed.ts';
import responseAdditionalPropertiesRefused from './response-additional-properties-refused.ts';
import responseBecameNullable from './response-became-nullable.ts';
import responseConstraintRelaxed from './response-constraint-relaxed.ts';
import responseConstraintTightened from './response-constraint-tightened.ts';
import responseDefaultChanged from './response-default-changed.ts';
import responseDescriptionChanged from './response-description-changed.ts';
import responseEnumRemoved from './response-enum-removed.ts';
import responseEnumValueAdded from './response-enum-value-added.ts';
import responseEnumValueRemoved from './response-enum-value-removed.ts';
import responseErrorStatusAdded from './response-error-status-added.ts';
import responseErrorStatusRemoved from './response-error-status-removed.ts';
import responseMediaTypeAdded from './response-media-type-added.ts';
import responseMediaTypeRemoved from './response-media-type-removed.ts';
import responseNullableRemoved from './response-nullable-removed.ts';
import responseProblemTypesChanged from './response-problem-types-changed.ts';
import responsePropertyAdded from './response-property-added.ts';
import responsePropertyBecameOptional from './response-property-became-optional.ts';
import responsePropertyBecameRequired from './response-property-became-required.ts';
import responsePropertyRemoved from './response-property-removed.ts';
import responseSuccessStatusAdded from './response-success-status-added.ts';
import responseSuccessStatusRemoved from './response-success-status-removed.ts';
import responseVariantAdded from './response-variant-added.ts';
import responseVariantRemoved from './response-variant-removed.ts';
import schemaDeprecated from './schema-deprecated.ts';
import schemaDocsChanged from './schema-docs-changed.ts';
import schemaEnumAdded from './schema-enum-added.ts';
import schemaFieldChanged from './schema-field-changed.ts';
import schemaFormatChanged from './schema-format-changed.ts';
import schemaReactivated from './schema-reactivated.ts';
import schemaTypeChanged from './schema-type-changed.ts';
import sdkMethodRenamed from './sdk-method-renamed.ts';
import sdkTypeRemoved from './sdk-type-removed.ts';
import securityRequirementAdded from './security-requirement-added.ts';
import securityRequirementRemoved from './security-requirement-removed.ts';
import securitySchemeAdded from './security-scheme-added.ts';
import securitySchemeChanged from './security-scheme-changed.ts';
import securitySchemeRemoved from './security-scheme-removed.ts';
import serversChanged from './servers-changed.ts';

export const RULES: readonly Rule[] = [
  apiDescriptionChanged,
  apiTitleChanged,
  apiVersionChanged,
  documentFieldChanged,
  operationAdded,
  operationDeprecated,
  operationDescriptionChanged,
  operationFieldChanged,
  operationIdChanged,
  operationReactivated,
  operationRemoved,
  operationSummaryChanged,
  operationTagChanged,
  pathParameterRenamed,
  problemTypeAdded,
  problemTypeChanged,
  problemTypeRemoved,
  problemTypeRenamed,
  requestAdditionalPropertiesAllowed,
  requestAdditionalPropertiesRefused,
  requestBecameNullable,
  requestBodyAddedOptional,
  requestBodyAddedRequired,
  requestBodyBecameOptional,
  requestBodyBecameRequired,
  requestBodyDescriptionChanged,
  requestBodyRemoved,
  requestConstraintRelaxed,
  requestConstraintTightened,
  requestDefaultChanged,
  requestEnumRemoved,
  requestEnumValueAdded,
  requestEnumValueRemoved,
  requestMediaTypeAdded,
  requestMediaTypeRemoved,
  requestNullableRemoved,
  requestParameterAddedOptional,
  requestParameterAddedRequired,
  requestParameterBecameOptional,
  requestParameterBecameRequired,
  requestParameterDeprecated,
  requestParameterDescriptionChanged,
  requestParameterRemoved,
  requestParameterStyleChanged,
  requestPropertyAddedOptional,
  requestPropertyAddedRequired,
  requestPropertyBecameOptional,
  requestPropertyBecameRequired,
  requestPropertyRemoved,
  requestVariantAdded,
  requestVariantRemoved,
  responseAdditionalPropertiesAllowed,
  responseAdditionalPropertiesRefused,
  responseBecameNullable,
  responseConstraintRelaxed,
  responseConstraintTightened,
  responseDefaultChanged,
  responseDescriptionChanged,
  responseEnumRemoved,
  responseEnumValueAdded,
  responseEnumValueRemoved,
  responseErrorStatusAdded,
  responseErrorStatusRemoved,
  responseMediaTypeAdded,
  responseMediaTypeRemoved,
  responseNullableRemoved,
  responseProblemTypesChanged,
  responsePropertyAdded,
  responsePropertyBecameOptional,
  responsePropertyBecameRequired,
  responsePropertyRemoved,
  responseSuccessStatusAdded,
  responseSuccessStatusRemoved,
  responseVariantAdded,
  responseVariantRemoved,
  schemaDeprecated,
  schemaDocsChanged,
  schemaEnumAdded,
  schemaFieldChanged,
  schemaFormatChanged,
  schemaReactivated,
  schemaTypeChanged,
  sdkMethodRenamed,
  sdkTypeRemoved,
  securityRequirementAdded,
  securityRequirementRemoved,
  securitySchemeAdded,
  securitySchemeChanged,
  securitySchemeRemoved,
  serversChanged,
];

/**
 * Kinds of structural change no rule reports, each with the reason. They are
 * still computed (and shown in the SDK section of the markdown report).
 */
export const UNREPORTED: Partial<Record<ChangeKind, string>> = {
  'component-schema-added':
    'a new named schema is a new exported type, which breaks nobody; and moving a schema behind a $ref must report nothing. The markdown report lists it among the SDK types that change.',
};
