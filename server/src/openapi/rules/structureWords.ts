/**
 * The words of structural messages: spec object names for the official schemas' definitions, plain words for
 * their patterns, and which version defines a field (the usual cause of an "unknown" field is a document
 * written for another version).
 */
import type { OasKind } from '../model';

/** Spec object names for the schemas' definition names (2.0 camelCase, 3.0 PascalCase, 3.1+ kebab-case). */
const OBJECT_NAMES: Record<string, string> = {
  info: 'Info', contact: 'Contact', license: 'License', paths: 'Paths', pathitem: 'Path Item',
  operation: 'Operation', responses: 'Responses', response: 'Response', responsevalue: 'Response',
  parameter: 'Parameter', bodyparameter: 'Parameter', headerparametersubschema: 'Parameter',
  queryparametersubschema: 'Parameter', formdataparametersubschema: 'Parameter', pathparametersubschema: 'Parameter',
  nonbodyparameter: 'Parameter', schema: 'Schema', fileschema: 'Schema', primitivesitems: 'Items',
  header: 'Header', headers: 'Headers', tag: 'Tag', externaldocs: 'External Documentation',
  externaldocumentation: 'External Documentation', xml: 'XML', securityrequirement: 'Security Requirement',
  securitydefinitions: 'Security Definitions', basicauthenticationsecurity: 'Security Scheme',
  apikeysecurity: 'Security Scheme', oauth2implicitsecurity: 'Security Scheme', oauth2passwordsecurity: 'Security Scheme',
  oauth2applicationsecurity: 'Security Scheme', oauth2accesscodesecurity: 'Security Scheme',
  jsonreference: 'Reference', reference: 'Reference', server: 'Server', servervariable: 'Server Variable',
  components: 'Components', requestbody: 'Request Body', mediatype: 'Media Type', encoding: 'Encoding',
  example: 'Example', link: 'Link', callbacks: 'Callback', callback: 'Callback', securityscheme: 'Security Scheme',
  oauthflows: 'OAuth Flows', implicitoauthflow: 'OAuth Flow', passwordoauthflow: 'OAuth Flow',
  clientcredentialsflow: 'OAuth Flow', authorizationcodeoauthflow: 'OAuth Flow', discriminator: 'Discriminator',
  definitions: 'Definitions', parametersdefinitions: 'Parameters Definitions', responsedefinitions: 'Responses Definitions',
  examples: 'Example', 'oauth-flows': 'OAuth Flows',
};
const OBJECT_ANCHORS: Record<string, string> = {}; // filled lazily: 'Operation' -> 'operation-object'

export function objectNameOfDef(def: string): string | undefined {
  const k = def.toLowerCase().replace(/-/g, '');
  if (k.endsWith('orreference')) return undefined; // helper unions: keep the context's name
  if (k.startsWith('oauthflows')) return 'OAuth Flows';
  if (/oauthflow|flow$/.test(k) && k !== 'oauthflows') return 'OAuth Flow';
  const n = OBJECT_NAMES[k];
  return n;
}

export function anchorOf(objectName: string): string {
  return OBJECT_ANCHORS[objectName] ??= objectName.replace(/ Object$/, '').toLowerCase().replace(/ /g, '-') + '-object';
}

/** Plain words for the key patterns of maps (what a key of this object may look like). */
export function describePatterns(patterns: string[]): string {
  const words: string[] = [];
  for (const p of patterns) {
    if (p === '^x-') words.push('an `x-` extension');
    else if (p === '^/') words.push('a path starting with `/`');
    else if (/\[1-5\]/.test(p)) words.push('an HTTP status code (e.g. `200`, `4XX`)');
    else if (p === '^[a-zA-Z0-9\\.\\-_]+$' || p === '^[a-zA-Z0-9._-]+$') words.push('a name of letters, digits, `.`, `-` or `_`');
    else if (p.startsWith('^\\$ref')) words.push('`$ref`');
    else words.push('a key matching `' + p + '`');
  }
  return words.join(', ');
}


/** Plain words for the patterns of the official schemas. */
export const PATTERN_WORDS: Record<string, string> = {
  '^[^{}/ :\\\\]+(?::\\d+)?$': 'a host name or IP address with an optional `:port` (no scheme, no path, no slash)',
  '^/': 'a path starting with `/`',
  '^3\\.0\\.\\d(-.+)?$': 'an OpenAPI 3.0.x version number (such as `3.0.4`)',
  '^3\\.1\\.\\d+(-.+)?$': 'an OpenAPI 3.1.x version number (such as `3.1.1`)',
  '^3\\.2\\.\\d+(-.+)?$': 'an OpenAPI 3.2.x version number (such as `3.2.0`)',
  '^[^{}]+$': 'a name without `{` or `}`',
  '^[a-zA-Z0-9\\.\\-_]+$': 'a name of letters, digits, `.`, `-` and `_` only',
  '^[a-zA-Z0-9._-]+$': 'a name of letters, digits, `.`, `-` and `_` only',
  "^[0-9A-Za-z!#$%&'*+.^_`|~-]+$": "an HTTP token (letters, digits and !#$%&'*+.^_`|~-; no spaces or separators)",
};

export const VERSION_NAME: Record<OasKind, string> = { swagger2: 'Swagger 2.0', oas30: 'OpenAPI 3.0', oas31: 'OpenAPI 3.1', oas32: 'OpenAPI 3.2' };
const ORDER: OasKind[] = ['swagger2', 'oas30', 'oas31', 'oas32'];

/**
 * Fields that exist in other versions than the document's: the usual cause of an "unknown" field is a
 * document written for another version (or the wrong version number at the top).
 * '<Object>:<field>' -> versions that define it.
 */
const FIELD_VERSIONS: Record<string, OasKind[]> = {};
function fields(object: string, names: string, versions: OasKind[]): void {
  for (const n of names.split(' ')) FIELD_VERSIONS[`${object}:${n}`] = versions;
}
fields('Swagger Object', 'host basePath schemes consumes produces definitions parameters responses securityDefinitions', ['swagger2']);
fields('OpenAPI Object', 'host basePath schemes consumes produces definitions parameters responses securityDefinitions', ['swagger2']);
fields('OpenAPI Object', 'servers components', ['oas30', 'oas31', 'oas32']);
fields('Swagger Object', 'servers components openapi', ['oas30', 'oas31', 'oas32']);
fields('OpenAPI Object', 'webhooks jsonSchemaDialect', ['oas31', 'oas32']);
fields('OpenAPI Object', '$self', ['oas32']);
fields('Operation Object', 'requestBody callbacks servers', ['oas30', 'oas31', 'oas32']);
fields('Operation Object', 'consumes produces schemes', ['swagger2']);
fields('Path Item Object', 'trace servers summary description', ['oas30', 'oas31', 'oas32']);
fields('Path Item Object', 'query additionalOperations', ['oas32']);
fields('Schema Object', 'oneOf anyOf not nullable writeOnly deprecated', ['oas30', 'oas31', 'oas32']);
fields('Schema Object', 'const $defs if then else prefixItems dependentSchemas unevaluatedProperties contentMediaType examples', ['oas31', 'oas32']);
fields('Info Object', 'summary', ['oas31', 'oas32']);
fields('License Object', 'identifier', ['oas31', 'oas32']);
fields('Components Object', 'pathItems', ['oas31', 'oas32']);
fields('Components Object', 'mediaTypes', ['oas32']);
fields('Tag Object', 'summary parent kind', ['oas32']);
fields('Server Object', 'name', ['oas32']);
fields('Media Type Object', 'itemSchema itemEncoding prefixEncoding', ['oas32']);
fields('Example Object', 'dataValue serializedValue', ['oas32']);
fields('Response Object', 'summary', ['oas32']);
fields('Response Object', 'content links', ['oas30', 'oas31', 'oas32']);
fields('Response Object', 'schema examples', ['swagger2']);
fields('Parameter Object', 'content style explode example examples', ['oas30', 'oas31', 'oas32']);
fields('Parameter Object', 'type format items collectionFormat default maximum minimum enum pattern', ['swagger2']);

/** Where a Swagger 2.0 field went in OpenAPI 3. */
const MOVED: Record<string, string> = {
  host: 'OpenAPI 3 uses `servers` (full URLs with scheme, host and base path)', basePath: 'OpenAPI 3 uses `servers` (full URLs with scheme, host and base path)',
  schemes: 'OpenAPI 3 uses `servers` (full URLs with scheme, host and base path)', definitions: 'OpenAPI 3 keeps schemas in `components.schemas`',
  securityDefinitions: 'OpenAPI 3 keeps them in `components.securitySchemes`', consumes: 'in OpenAPI 3, request media types are the keys of `requestBody.content`',
  produces: 'in OpenAPI 3, response media types are the keys of each response\'s `content`',
  'Response Object:schema': 'in OpenAPI 3, write `content: {<media type>: {schema: ...}}`', 'Response Object:examples': 'in OpenAPI 3, examples go in `content.<media type>.examples`',
  'OpenAPI Object:parameters': 'OpenAPI 3 keeps them in `components.parameters`', 'OpenAPI Object:responses': 'OpenAPI 3 keeps them in `components.responses`',
};

export function otherVersionField(kind: OasKind, object: string, key: string): string | undefined {
  const vs = FIELD_VERSIONS[`${object}:${key}`];
  if (!vs || vs.includes(kind)) return undefined;
  const names = vs.map((v) => VERSION_NAME[v]);
  const where = names.length === 1 ? names[0] : `${names[0]} to ${names[names.length - 1]}`;
  const later = ORDER.indexOf(vs[0]) > ORDER.indexOf(kind);
  return later
    ? `it was added in ${names[0]}; to use it, declare \`openapi: ${vs[0] === 'oas30' ? '3.0.4' : vs[0] === 'oas31' ? '3.1.1' : '3.2.0'}\` (and check the rest of the document against that version)`
    : `it belongs to ${where}${kind === 'swagger2' ? '' : `; ${MOVED[`${object}:${key}`] ?? MOVED[key] ?? 'OpenAPI 3 replaced it'}`}`;
}

export function article(object: string): string {
  return /^[AEIOU]/.test(object) ? `an ${object}` : `a ${object}`;
}
