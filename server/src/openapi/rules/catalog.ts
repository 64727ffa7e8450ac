/**
 * Every OpenAPI diagnostic code of the rule set (structural oas-schema-* and the lint rules), registered once
 * at load time. The checks live in the sibling modules; docs/rules/<code>.md explains each code.
 * Severities: error = the contract is broken (a tool cannot build a correct client or server from it);
 * warning = a likely mistake; information / hint = hygiene. (oas-ref-* belong to openapi/refs.ts.)
 */
import { defineRule, type RuleMeta } from '../../rules/registry';

type Applies = RuleMeta['appliesTo'];
const ALL: Applies = ['swagger2', 'oas30', 'oas31', 'oas32'];
const OAS3: Applies = ['oas30', 'oas31', 'oas32'];
const V2 = 'https://spec.openapis.org/oas/v2.0';
const V30 = 'https://spec.openapis.org/oas/v3.0.4';
const V31 = 'https://spec.openapis.org/oas/v3.1.1';
const V32 = 'https://spec.openapis.org/oas/v3.2.0';

function rule(code: string, title: string, defaultSeverity: RuleMeta['defaultSeverity'], appliesTo: Applies, refTitle: string, url: string): RuleMeta {
  return defineRule({ code, title, defaultSeverity, appliesTo, reference: { title: refTitle, url } });
}

// ---- structure (official JSON Schema of the document's version) ------------------------------------

export const SCHEMA_UNKNOWN_PROPERTY = rule('oas-schema-unknown-property',
  'A key that this version of the specification does not define at this place (often a misspelling); extensions must start with `x-`.',
  'error', ALL, 'Specification Extensions', `${V31}#specification-extensions`);
export const SCHEMA_REQUIRED = rule('oas-schema-required',
  'A field the specification requires in this object is missing.',
  'error', ALL, 'OpenAPI Specification: fixed fields of each object', `${V31}#schema`);
export const SCHEMA_TYPE = rule('oas-schema-type',
  'A value has the wrong JSON type for its field (e.g. a number where a string is required).',
  'error', ALL, 'OpenAPI Specification: data types of fixed fields', `${V31}#schema`);
export const SCHEMA_VALUE = rule('oas-schema-value',
  'A value is not one the field allows (not in its list of values, wrong form, out of range, too few items).',
  'error', ALL, 'OpenAPI Specification: fixed fields of each object', `${V31}#schema`);
export const SCHEMA_CONFLICT = rule('oas-schema-conflict',
  'Fields that exclude each other are used together (e.g. `example` and `examples`, `schema` and `content`).',
  'error', ALL, 'OpenAPI Specification: mutually exclusive fields', `${V31}#parameter-object`);

// ---- operations -----------------------------------------------------------------------------------

export const OPERATION_ID_UNIQUE = rule('oas-operation-id-unique',
  'Two operations share an operationId; it must be unique in the API (code generators and links use it).',
  'error', ALL, 'Operation Object: operationId', `${V31}#operation-object`);
export const OPERATION_ID_URL_SAFE = rule('oas-operation-id-url-safe',
  'An operationId contains characters that are not URL-safe (it is used in links and generated code).',
  'warning', ALL, 'Operation Object: operationId; RFC 3986 §2.3 unreserved characters', 'https://www.rfc-editor.org/rfc/rfc3986#section-2.3');
export const OPERATION_SUCCESS_RESPONSE = rule('oas-operation-success-response',
  'An operation declares no success response (2xx or 3xx, or a 2XX/3XX range).',
  'warning', ALL, 'Responses Object', `${V31}#responses-object`);
export const OPERATION_PARAMETERS_UNIQUE = rule('oas-operation-parameters-unique',
  'A parameter with the same name and location is declared twice in one operation or path item.',
  'error', ALL, 'Operation Object: parameters (unique by name and location)', `${V31}#operation-object`);
export const OPERATION_TAG_DEFINED = rule('oas-operation-tag-defined',
  'An operation uses a tag that the top-level `tags` list does not declare.',
  'warning', ALL, 'Tag Object', `${V31}#tag-object`);
export const CALLBACKS_IN_CALLBACK = rule('oas-callbacks-in-callback',
  'A callback operation declares callbacks of its own.',
  'warning', OAS3, 'Callback Object', `${V31}#callback-object`);

// ---- paths -----------------------------------------------------------------------------------------

export const PATH_PARAMS = rule('oas-path-params',
  'Path template variables and `in: path` parameters must match one to one, and every path parameter must be `required: true`.',
  'error', ALL, 'Path Templating; Parameter Object (path parameters are required)', `${V31}#path-templating`);
export const PATH_TRAILING_SLASH = rule('oas-path-trailing-slash',
  'A path key ends with `/` (most servers treat `/pets/` and `/pets` as different resources).',
  'warning', ALL, 'Paths Object', `${V31}#paths-object`);
export const PATH_QUERY_STRING = rule('oas-path-query-string',
  'A path key contains a query string; query parameters are declared with `in: query`.',
  'error', ALL, 'Paths Object', `${V31}#paths-object`);
export const PATH_EMPTY_PARAMETER = rule('oas-path-empty-parameter',
  'A path key contains an empty template expression `{}`.',
  'error', ALL, 'Path Templating', `${V31}#path-templating`);
export const PATH_IDENTICAL = rule('oas-path-identical',
  'Two path keys differ only in the names of their template variables: they describe the same URLs.',
  'error', ALL, 'Paths Object (templated paths with the same hierarchy are identical and invalid)', `${V31}#paths-object`);
export const PATH_AMBIGUOUS = rule('oas-path-ambiguous',
  'Two templated paths can match the same request URL, so which one applies is undefined.',
  'warning', ALL, 'Paths Object (ambiguous matching)', `${V31}#paths-object`);

// ---- servers ---------------------------------------------------------------------------------------

export const SERVER_NOT_HTTPS = rule('oas-server-not-https',
  'A server URL (or a Swagger 2 scheme) uses plain http:// or ws://: traffic, including credentials, is unencrypted.',
  'warning', ALL, 'Server Object; RFC 9110 §4.2.2 (https)', 'https://www.rfc-editor.org/rfc/rfc9110#section-4.2.2');
export const SERVER_VARIABLES = rule('oas-server-variables',
  'A server URL uses a `{variable}` that `variables` does not define, or a variable is defined but never used, or its default is not in its enum.',
  'error', OAS3, 'Server Variable Object', `${V31}#server-variable-object`);
export const SERVER_TRAILING_SLASH = rule('oas-server-trailing-slash',
  'A server URL ends with `/`; path keys start with `/`, so the joined URL gets a double slash.',
  'warning', OAS3, 'Server Object; Paths Object (path keys begin with /)', `${V31}#server-object`);

// ---- security --------------------------------------------------------------------------------------

export const SECURITY_DEFINED = rule('oas-security-defined',
  'A security requirement names a security scheme that is not defined.',
  'error', ALL, 'Security Requirement Object', `${V31}#security-requirement-object`);
export const SECURITY_SCOPES_DEFINED = rule('oas-security-scopes-defined',
  'A security requirement asks for an OAuth2 scope that the scheme\'s flows do not declare.',
  'warning', ALL, 'Security Requirement Object; OAuth Flow Object (scopes)', `${V31}#security-requirement-object`);

// ---- tags ------------------------------------------------------------------------------------------

export const TAGS_UNIQUE = rule('oas-tags-unique',
  'Two entries of the top-level `tags` list have the same name.',
  'warning', ALL, 'OpenAPI Object: tags (names must be unique)', `${V31}#openapi-object`);
export const TAG_PARENT = rule('oas-tag-parent',
  'A tag\'s `parent` names no declared tag, or tag parents form a cycle (OpenAPI 3.2).',
  'error', ['oas32'], 'Tag Object: parent', `${V32}#tag-object`);

// ---- components ------------------------------------------------------------------------------------

export const UNUSED_COMPONENT = rule('oas-unused-component',
  'A reusable component (schema, parameter, response, ...) is never referenced in this document.',
  'warning', ALL, 'Components Object', `${V31}#components-object`);

// ---- schemas and examples --------------------------------------------------------------------------

export const ENUM_DUPLICATE = rule('oas-enum-duplicate',
  'An `enum` lists the same value twice.',
  'warning', ALL, 'JSON Schema Validation: enum (elements should be unique)', 'https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1.2');
export const ENUM_TYPE_MISMATCH = rule('oas-enum-type-mismatch',
  'An `enum` value does not have the schema\'s `type`, so it can never be valid.',
  'warning', ALL, 'Schema Object: type and enum', `${V31}#schema-object`);
export const ARRAY_ITEMS = rule('oas-array-items',
  'A schema with `type: array` has no `items` (required in Swagger 2.0 and OpenAPI 3.0).',
  'warning', ['swagger2', 'oas30'], 'Schema Object: items MUST be present if type is array', `${V30}#schema-object`);
export const NULLABLE_WITHOUT_TYPE = rule('oas-nullable-without-type',
  '`nullable: true` without a `type` has no effect in OpenAPI 3.0.',
  'warning', ['oas30'], 'Schema Object: nullable', `${V30}#fixed-fields-20`);
export const EXAMPLE_INVALID = rule('oas-example-invalid',
  'An example does not match the schema it illustrates (media type, parameter, header or schema example).',
  'warning', ALL, 'Media Type Object: example / examples; Schema Object: example', `${V31}#media-type-object`);
export const EXAMPLE_VALUE_AND_EXTERNAL = rule('oas-example-value-and-external',
  'An Example Object sets both `value` and `externalValue`; they are mutually exclusive.',
  'error', ['oas30'], 'Example Object', `${V30}#example-object`);
export const REF_SIBLINGS = rule('oas-ref-siblings',
  'Keys next to a `$ref` are ignored by the specification (Swagger 2.0, OpenAPI 3.0; and outside schemas in 3.1+, except summary and description).',
  'warning', ALL, 'Reference Object', `${V30}#reference-object`);
export const UNSAFE_MARKDOWN = rule('oas-unsafe-markdown',
  'A description or summary contains a <script> tag or eval(: documentation renderers may run it.',
  'warning', ALL, 'Rich Text Formatting (CommonMark); tooling MAY ignore features for security', `${V31}#rich-text-formatting`);

// ---- Swagger 2.0 -----------------------------------------------------------------------------------

export const SWAGGER_HOST = rule('oas-swagger-host',
  'A Swagger 2.0 document without `host`: clients fall back to the host serving the document.',
  'information', ['swagger2'], 'Swagger Object: host', `${V2}#swagger-object`);
export const SWAGGER_SCHEMES = rule('oas-swagger-schemes',
  'A Swagger 2.0 document without `schemes`: clients fall back to the scheme used to fetch the document.',
  'information', ['swagger2'], 'Swagger Object: schemes', `${V2}#swagger-object`);
export const SWAGGER_FORMDATA_CONSUMES = rule('oas-swagger-formdata-consumes',
  'An operation with `in: formData` parameters must consume application/x-www-form-urlencoded or multipart/form-data.',
  'error', ['swagger2'], 'Parameter Object: in formData', `${V2}#parameter-object`);

// ---- info ------------------------------------------------------------------------------------------

export const INFO_DESCRIPTION = rule('oas-info-description',
  '`info` has no description of the API.', 'information', ALL, 'Info Object', `${V31}#info-object`);
export const INFO_CONTACT = rule('oas-info-contact',
  '`info` has no contact.', 'hint', ALL, 'Info Object: contact', `${V31}#info-object`);
export const INFO_LICENSE = rule('oas-info-license',
  '`info` has no license.', 'hint', ALL, 'Info Object: license', `${V31}#info-object`);

// ---- 3.1 webhooks, 3.2 querystring -------------------------------------------------------------------

export const WEBHOOK_SERVERS = rule('oas-webhook-servers',
  'A webhook declares `servers`: webhook requests go to a URL the consumer registers, not to the API\'s servers.',
  'warning', ['oas31', 'oas32'], 'OpenAPI Object: webhooks', `${V31}#oas-webhooks`);
export const WEBHOOK_CALLBACKS = rule('oas-webhook-callbacks',
  'A webhook operation declares `callbacks`.',
  'warning', ['oas31', 'oas32'], 'OpenAPI Object: webhooks', `${V31}#oas-webhooks`);
export const QUERYSTRING_PARAMETER = rule('oas-querystring-parameter',
  'An `in: querystring` parameter is combined with `in: query` parameters, or declared more than once (OpenAPI 3.2).',
  'error', ['oas32'], 'Parameter Object: in querystring', `${V32}#parameter-locations`);

// ---- added rules: keys, operations, schema consistency ---------------------------------------------

export const DUPLICATE_KEY = rule('oas-duplicate-key',
  'An object has the same key twice; parsers keep one of them (usually the last) and silently drop the other.',
  'error', ALL, 'YAML 1.2 §3.2.1.1 (mapping keys are unique); RFC 8259 §4 (names should be unique)', 'https://yaml.org/spec/1.2.2/#3211-nodes');
export const OPERATION_ID_MISSING = rule('oas-operation-id-missing',
  'An operation has no operationId; code generators and links then invent or lack a name for it.',
  'information', ALL, 'Operation Object: operationId', `${V31}#operation-object`);
export const REQUIRED_PROPERTY_UNDEFINED = rule('oas-required-property-undefined',
  'A schema lists a `required` property that its `properties` do not define (often a misspelling).',
  'warning', ALL, 'JSON Schema Validation: required; Schema Object', `${V31}#schema-object`);
export const TYPE_KEYWORD_MISMATCH = rule('oas-type-keyword-mismatch',
  'A schema combines a `type` with keywords of another type (`items` on an object, `properties` on an array, ...), which then never apply.',
  'warning', ALL, 'JSON Schema Validation: keywords apply only to instances of their type', 'https://json-schema.org/draft/2020-12/json-schema-validation#section-6');
export const SERVERS_MISSING = rule('oas-servers-missing',
  'An OpenAPI 3 document without `servers`: clients assume `/`, relative to wherever they read the document.',
  'information', OAS3, 'OpenAPI Object: servers (default: a Server Object with url /)', `${V31}#openapi-object`);
export const DISCRIMINATOR_PROPERTY = rule('oas-discriminator-property',
  'A discriminator names a property that the schema does not define, or does not require.',
  'warning', ALL, 'Discriminator Object / Schema Object: discriminator', `${V31}#discriminator-object`);
export const NUMBER_RANGE_MIXED = rule('oas-number-range-mixed',
  'A schema sets both `minimum` and `exclusiveMinimum` (or both maximums); in 3.1+ both are numbers and the stricter one silently wins.',
  'warning', ['oas31', 'oas32'], 'JSON Schema Validation 2020-12: exclusiveMinimum / exclusiveMaximum', 'https://json-schema.org/draft/2020-12/json-schema-validation#section-6.2');
export const SCHEMA_30_KEYWORD = rule('oas-schema-30-keyword',
  'A Schema Object of an OpenAPI 3.1+ document uses a keyword the OpenAPI 3.0 way (`nullable`, boolean `exclusiveMinimum`/`exclusiveMaximum`); JSON Schema 2020-12 ignores or rejects it.',
  'warning', ['oas31', 'oas32'], 'OpenAPI 3.1 Schema Object (JSON Schema 2020-12); migration from 3.0', `${V31}#schema-object`);

// ---- hygiene (peers' "recommended" extras), hints by default ------------------------------------------

export const OPERATION_4XX_RESPONSE = rule('oas-operation-4xx-response',
  'An operation documents no client-error response (4xx, a 4XX range, or default).',
  'hint', ALL, 'Responses Object', `${V31}#responses-object`);
export const OPERATION_SUMMARY = rule('oas-operation-summary',
  'An operation has neither a summary nor a description.',
  'hint', ALL, 'Operation Object: summary, description', `${V31}#operation-object`);
export const TAG_DESCRIPTION = rule('oas-tag-description',
  'A declared tag has no description.',
  'hint', ALL, 'Tag Object: description', `${V31}#tag-object`);
export const SERVER_EXAMPLE_HOST = rule('oas-server-example-host',
  'A server URL (or Swagger 2.0 host) points at example.com / example.org / example.net, a domain reserved for documentation.',
  'information', ALL, 'RFC 2606 §3: reserved example second-level domain names', 'https://www.rfc-editor.org/rfc/rfc2606#section-3');
export const SECURITY_MISSING = rule('oas-security-missing',
  'The API defines security schemes, but an operation has no security requirement at all (neither its own nor a top-level one), so it is public without saying so.',
  'warning', ALL, 'Security Requirement Object (an empty requirement `security: []` makes an operation explicitly public)', `${V31}#security-requirement-object`);
