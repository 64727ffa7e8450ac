/**
 * Hovers on OpenAPI / Swagger documents: what the key or value under the cursor is in THIS version, a
 * preview of a `$ref`'s target, and the protocol / format / method semantics / security it implies, with a
 * link to the section of this version's specification. Position lookup is a binary search per level of the
 * tree (model.nodeAtOffset); only the few ancestors of the hit are looked at.
 */
import { code, codeBlock, escapeMarkdown, link } from '../core/markdown';
import type { HoverResult } from '../core/types';
import type { FeatureContext } from '../service/dialect';
import type { JsonNode, JsonProperty } from '../syntax/jsonTree';
import { PATH_ITEM_METHODS, nodeAtOffset, specUrl, type OasKind, type OpenApiModel } from './model';
import { protocolOfUrl } from './build';
import { METHODS, formatOf, own, protocolMeaning, securityOnTheWire, statusMeaning } from './knowledge';
import type { OpenApiAnalysed } from './dialect';
import { refAt } from './dialect';
import { fileName } from './refs';

type State =
  | 'root' | 'info' | 'paths' | 'pathItem' | 'opMap' | 'operation' | 'paramList' | 'paramMap' | 'parameter' | 'requestBody'
  | 'requestBodyMap' | 'content' | 'mediaType' | 'responses' | 'responseMap' | 'response' | 'headerMap' | 'header'
  | 'components' | 'schemaMap' | 'schema' | 'secSchemeMap' | 'secScheme' | 'servers' | 'server' | 'securityReqs' | 'secReq'
  | 'tags' | 'tag' | 'callbackMap' | 'callback' | 'mediaList' | 'schemesList' | 'exampleMap' | 'linkMap' | 'schemaList'
  | 'schemaProps' | 'encodingMap' | 'encoding' | 'flows' | 'flow' | 'license' | 'contact' | 'externalDocs' | 'discriminator' | 'other';

/** Anchors of each object in the specification of each version. */
const ANCHOR: Partial<Record<State, [string, string]>> = {
  root: ['swagger-object', 'openapi-object'], info: ['info-object', 'info-object'], paths: ['paths-object', 'paths-object'],
  pathItem: ['path-item-object', 'path-item-object'], operation: ['operation-object', 'operation-object'],
  parameter: ['parameter-object', 'parameter-object'], requestBody: ['parameter-object', 'request-body-object'],
  mediaType: ['', 'media-type-object'], responses: ['responses-object', 'responses-object'], response: ['response-object', 'response-object'],
  header: ['header-object', 'header-object'], components: ['', 'components-object'], schema: ['schema-object', 'schema-object'],
  secScheme: ['security-scheme-object', 'security-scheme-object'], server: ['', 'server-object'], secReq: ['security-requirement-object', 'security-requirement-object'],
  tag: ['tag-object', 'tag-object'], callback: ['', 'callback-object'], encoding: ['', 'encoding-object'],
  flows: ['', 'oauth-flows-object'], flow: ['', 'oauth-flow-object'], license: ['license-object', 'license-object'],
  contact: ['contact-object', 'contact-object'], externalDocs: ['external-documentation-object', 'external-documentation-object'],
  discriminator: ['', 'discriminator-object'],
};
const OBJECT_NAME: Partial<Record<State, string>> = {
  root: 'root object', info: 'Info Object', paths: 'Paths Object', pathItem: 'Path Item Object', operation: 'Operation Object',
  parameter: 'Parameter Object', requestBody: 'Request Body Object', mediaType: 'Media Type Object', responses: 'Responses Object',
  response: 'Response Object', header: 'Header Object', components: 'Components Object', schema: 'Schema Object',
  secScheme: 'Security Scheme Object', server: 'Server Object', secReq: 'Security Requirement Object', tag: 'Tag Object', callback: 'Callback Object',
  encoding: 'Encoding Object', flows: 'OAuth Flows Object', flow: 'OAuth Flow Object', license: 'License Object', contact: 'Contact Object',
  externalDocs: 'External Documentation Object', discriminator: 'Discriminator Object',
};

function next(state: State, key: string, kind: OasKind): State {
  const is2 = kind === 'swagger2';
  switch (state) {
    case 'root':
      if (key === 'paths') return 'paths';
      if (key === 'webhooks' && kind !== 'swagger2' && kind !== 'oas30') return 'paths';
      if (key === 'components' && !is2) return 'components';
      if (key === 'servers' && !is2) return 'servers';
      if (key === 'info') return 'info';
      if (key === 'externalDocs') return 'externalDocs';
      if (key === 'tags') return 'tags';
      if (key === 'security') return 'securityReqs';
      if (is2 && key === 'definitions') return 'schemaMap';
      if (is2 && key === 'parameters') return 'paramMap';
      if (is2 && key === 'responses') return 'responseMap';
      if (is2 && key === 'securityDefinitions') return 'secSchemeMap';
      if (is2 && (key === 'consumes' || key === 'produces')) return 'mediaList';
      if (is2 && key === 'schemes') return 'schemesList';
      return 'other';
    case 'paths': return 'pathItem';
    case 'pathItem':
      if (PATH_ITEM_METHODS[kind].includes(key)) return 'operation';
      if (key === 'parameters') return 'paramList';
      if (key === 'servers' && !is2) return 'servers';
      if (key === 'additionalOperations' && kind === 'oas32') return 'opMap';
      return 'other';
    case 'opMap': return 'operation';
    case 'operation':
      if (key === 'parameters') return 'paramList';
      if (key === 'requestBody' && !is2) return 'requestBody';
      if (key === 'responses') return 'responses';
      if (key === 'callbacks' && !is2) return 'callbackMap';
      if (key === 'security') return 'securityReqs';
      if (key === 'servers' && !is2) return 'servers';
      if (is2 && (key === 'consumes' || key === 'produces')) return 'mediaList';
      if (is2 && key === 'schemes') return 'schemesList';
      if (key === 'externalDocs') return 'externalDocs';
      return 'other';
    case 'info': return key === 'license' ? 'license' : key === 'contact' ? 'contact' : 'other';
    case 'tag': return key === 'externalDocs' ? 'externalDocs' : 'other';
    case 'encodingMap': return 'encoding';
    case 'encoding': return key === 'headers' ? 'headerMap' : 'other';
    case 'secScheme': return key === 'flows' && !is2 ? 'flows' : 'other';
    case 'flows': return 'flow';
    case 'callbackMap': return 'callback';
    case 'callback': return 'pathItem';
    case 'paramList': case 'paramMap': return 'parameter';
    case 'parameter':
      if (key === 'schema') return 'schema';
      if (key === 'content' && !is2) return 'content';
      return 'other';
    case 'requestBodyMap': return 'requestBody';
    case 'requestBody': return key === 'content' ? 'content' : 'other';
    case 'content': return 'mediaType';
    case 'mediaType': return key === 'schema' || (key === 'itemSchema' && kind === 'oas32') ? 'schema' : key === 'examples' ? 'exampleMap' : key === 'encoding' ? 'encodingMap' : 'other';
    case 'responses': case 'responseMap': return 'response';
    case 'response':
      if (key === 'content' && !is2) return 'content';
      if (key === 'headers') return 'headerMap';
      if (key === 'schema' && is2) return 'schema';
      if (key === 'links' && !is2) return 'linkMap';
      return 'other';
    case 'headerMap': return 'header';
    case 'header': return key === 'schema' ? 'schema' : key === 'content' ? 'content' : 'other';
    case 'components':
      switch (key) {
        case 'schemas': return 'schemaMap';
        case 'responses': return 'responseMap';
        case 'parameters': return 'paramMap';
        case 'requestBodies': return 'requestBodyMap';
        case 'headers': return 'headerMap';
        case 'securitySchemes': return 'secSchemeMap';
        case 'callbacks': return 'callbackMap';
        case 'pathItems': return kind === 'oas30' ? 'other' : 'paths';
        case 'examples': return 'exampleMap';
        case 'links': return 'linkMap';
        case 'mediaTypes': return kind === 'oas32' ? 'content' : 'other';
        default: return 'other';
      }
    case 'schemaMap': case 'schemaProps': case 'schemaList': return 'schema';
    case 'schema':
      if (['properties', 'patternProperties', '$defs', 'dependentSchemas'].includes(key) || (key === 'definitions' && kind !== 'swagger2')) return 'schemaProps';
      if (['allOf', 'anyOf', 'oneOf', 'prefixItems'].includes(key)) return 'schemaList';
      if (['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems', 'contentSchema'].includes(key)) return 'schema';
      if (key === 'discriminator') return 'discriminator';
      if (key === 'externalDocs') return 'externalDocs';
      return 'other';
    case 'secSchemeMap': return 'secScheme';
    case 'servers': return 'server';
    case 'securityReqs': return 'secReq';
    case 'tags': return 'tag';
    default: return 'other';
  }
}

/** Field descriptions: state -> key -> [what it is, versions it exists in (undefined: all)]. */
const FIELDS: Partial<Record<State, Record<string, [string, OasKind[]?]>>> = {
  root: {
    info: ['Metadata about the API: title, version, description, contact, license.'],
    servers: ['The base URLs of the API; each path is appended to one of them.', ['oas30', 'oas31', 'oas32']],
    paths: ['The endpoints: each key is a path template relative to a server URL, each value the operations on it.'],
    webhooks: ['Requests the API sends to the consumer (the consumer implements these), keyed by a name.', ['oas31', 'oas32']],
    components: ['Reusable objects (schemas, parameters, responses, security schemes, ...) referenced with `$ref`.', ['oas30', 'oas31', 'oas32']],
    security: ['The security requirements applied to every operation unless an operation overrides them (any one listed requirement suffices).'],
    tags: ['Tags used to group operations, with descriptions.'],
    externalDocs: ['A link to more documentation.'],
    jsonSchemaDialect: ['The default JSON Schema dialect (`$schema`) of the Schema Objects in this document.', ['oas31', 'oas32']],
    $self: ['The URI of this document itself; relative references resolve against it.', ['oas32']],
    host: ['The host (and optional port) serving the API; with `schemes` and `basePath` it forms the base URL.', ['swagger2']],
    basePath: ['The path prefix of every operation, relative to `host`.', ['swagger2']],
    schemes: ['The transfer protocols of the API: http, https, ws, wss.', ['swagger2']],
    consumes: ['The request media types operations accept unless they override it.', ['swagger2']],
    produces: ['The response media types operations produce unless they override it.', ['swagger2']],
    definitions: ['Reusable schemas (data types), referenced as `#/definitions/<name>`.', ['swagger2']],
    parameters: ['Reusable parameters, referenced as `#/parameters/<name>`.', ['swagger2']],
    responses: ['Reusable responses, referenced as `#/responses/<name>`.', ['swagger2']],
    securityDefinitions: ['The security schemes operations can require.', ['swagger2']],
  },
  operation: {
    operationId: ['A unique name for the operation across the document; code generators use it as the method name.'],
    summary: ['A short summary of what the operation does.'],
    description: ['A longer description (CommonMark).'],
    parameters: ['Parameters of this operation (path, query, header, cookie), added to the path item\'s.'],
    requestBody: ['The body of the request and its media types.', ['oas30', 'oas31', 'oas32']],
    responses: ['The possible responses, keyed by HTTP status code.'],
    callbacks: ['Requests the API may send back to the consumer after this operation, to a URL taken from the request.', ['oas30', 'oas31', 'oas32']],
    deprecated: ['The operation should no longer be used.'],
    security: ['Security requirements of this operation, replacing the root `security` (an empty list removes them).'],
    servers: ['Base URLs for this operation only, replacing the document\'s.', ['oas30', 'oas31', 'oas32']],
    tags: ['Tags grouping this operation.'],
    consumes: ['Request media types of this operation (overrides the root `consumes`).', ['swagger2']],
    produces: ['Response media types of this operation (overrides the root `produces`).', ['swagger2']],
    schemes: ['Transfer protocols of this operation (overrides the root `schemes`).', ['swagger2']],
  },
  parameter: {
    name: ['The name of the parameter; for `in: path` it must match a {template} segment of the path.'],
    in: ['Where the parameter travels.'],
    required: ['Whether the parameter is mandatory (path parameters always are).'],
    schema: ['The type of the parameter\'s value.'],
    style: ['How the value is serialised (form, simple, label, matrix, ...).', ['oas30', 'oas31', 'oas32']],
    explode: ['Whether arrays and objects are serialised as separate parameters.', ['oas30', 'oas31', 'oas32']],
    collectionFormat: ['How an array value is serialised (csv, ssv, tsv, pipes, multi).', ['swagger2']],
    description: ['What the parameter means.'],
    deprecated: ['The parameter should no longer be used.', ['oas30', 'oas31', 'oas32']],
    allowEmptyValue: ['Whether an empty value may be sent (query parameters; deprecated from 3.0.2).'],
    allowReserved: ['Whether reserved characters are sent without percent-encoding.', ['oas30', 'oas31', 'oas32']],
    content: ['The parameter\'s value as a media type, for complex serialisations.', ['oas30', 'oas31', 'oas32']],
    example: ['An example value.', ['oas30', 'oas31', 'oas32']],
    examples: ['Named example values.', ['oas30', 'oas31', 'oas32']],
    type: ['The type of a non-body parameter.', ['swagger2']],
    format: ['A refinement of the type.', ['swagger2']],
    items: ['The type of array items.', ['swagger2']],
  },
  mediaType: {
    schema: ['The schema of the whole body in this media type.'],
    itemSchema: ['The schema of EACH item of a sequential (streaming) media type such as JSON Lines, JSON sequences or Server-Sent Events.', ['oas32']],
    example: ['An example of the body.'],
    examples: ['Named examples of the body.'],
    encoding: ['How each property is encoded in multipart and form bodies.'],
  },
  response: {
    description: ['A description of the response (required).'],
    content: ['The response body per media type.', ['oas30', 'oas31', 'oas32']],
    headers: ['Headers sent with the response.'],
    links: ['Operations a client can call next with values from this response (design-time hypermedia).', ['oas30', 'oas31', 'oas32']],
    schema: ['The schema of the response body.', ['swagger2']],
    examples: ['Example bodies per media type.', ['swagger2']],
  },
  pathItem: {
    $ref: ['A reference to a Path Item defined elsewhere.'],
    summary: ['A summary for all operations on this path.', ['oas30', 'oas31', 'oas32']],
    parameters: ['Parameters shared by every operation on this path.'],
    servers: ['Base URLs for the operations on this path.', ['oas30', 'oas31', 'oas32']],
    additionalOperations: ['Operations with HTTP methods that have no fixed field here (e.g. LINK, PROPFIND), keyed by method name.', ['oas32']],
  },
  tag: {
    name: ['The tag name used by operations.'],
    parent: ['The name of the tag this tag is nested under.', ['oas32']],
    kind: ['What the tag is for, e.g. "nav" (navigation), "badge", "audience".', ['oas32']],
    summary: ['A short summary of the tag.', ['oas32']],
  },
  info: {
    title: ['The name of the API.'],
    version: ['The version of the API description (of this API), not the version of the OpenAPI specification.'],
    description: ['What the API does (CommonMark).'],
    summary: ['A short summary of the API.', ['oas31', 'oas32']],
    termsOfService: ['A URL to the terms of service.'],
    contact: ['Who to contact about the API.'],
    license: ['The license of the API.'],
  },
  components: {
    schemas: ['Reusable data types (Schema Objects).'],
    responses: ['Reusable responses.'],
    parameters: ['Reusable parameters.'],
    examples: ['Reusable examples.'],
    requestBodies: ['Reusable request bodies.'],
    headers: ['Reusable headers.'],
    securitySchemes: ['The security schemes operations can require.'],
    links: ['Reusable links.'],
    callbacks: ['Reusable callbacks.'],
    pathItems: ['Reusable path items.', ['oas31', 'oas32']],
    mediaTypes: ['Reusable Media Type Objects.', ['oas32']],
  },
  schema: {
    type: ['The JSON type of the value.'],
    format: ['A refinement of the type (e.g. int64, date-time, uuid); tools may validate it.'],
    properties: ['The members of an object, each with its schema.'],
    required: ['Members that must be present.'],
    items: ['The schema of each array item.'],
    additionalProperties: ['The schema of members not listed in `properties` (false forbids them).'],
    enum: ['The allowed values.'],
    allOf: ['The value must match every schema listed (composition, inheritance).'],
    oneOf: ['The value must match exactly one of the schemas listed.'],
    anyOf: ['The value must match at least one of the schemas listed.'],
    not: ['The value must not match this schema.'],
    nullable: ['Allows null in addition to the `type` (OpenAPI 3.0 only; 3.1 writes `type: [..., "null"]`).', ['oas30']],
    discriminator: ['Names the property whose value tells which `oneOf`/`anyOf` schema applies.', ['swagger2', 'oas30', 'oas31', 'oas32']],
    readOnly: ['Sent in responses only, never in requests.'],
    writeOnly: ['Sent in requests only, never in responses.', ['oas30', 'oas31', 'oas32']],
    const: ['The only allowed value (JSON Schema 2020-12).', ['oas31', 'oas32']],
    $defs: ['Schemas defined locally, for $ref (JSON Schema 2020-12).', ['oas31', 'oas32']],
    prefixItems: ['Schemas of the first array items, by position (JSON Schema 2020-12).', ['oas31', 'oas32']],
    exclusiveMinimum: ['The value must be greater than the minimum (a boolean flag beside `minimum` up to 3.0; a number from 3.1).'],
    exclusiveMaximum: ['The value must be less than the maximum (a boolean flag beside `maximum` up to 3.0; a number from 3.1).'],
    pattern: ['A regular expression (ECMA-262) the string must match.'],
    minimum: ['The smallest allowed number.'],
    maximum: ['The largest allowed number.'],
    minLength: ['The shortest allowed string.'],
    maxLength: ['The longest allowed string.'],
    minItems: ['The fewest allowed array items.'],
    maxItems: ['The most allowed array items.'],
    default: ['The value a consumer assumes when none is given.'],
    example: ['An example value (deprecated in 3.1 in favour of `examples`).'],
    examples: ['Example values (a JSON Schema array in 3.1+).', ['oas31', 'oas32']],
    deprecated: ['The value should no longer be used.', ['oas30', 'oas31', 'oas32']],
    xml: ['How the value is written in XML (element or attribute name, namespace, wrapping).'],
    $schema: ['The JSON Schema dialect of this schema.', ['oas31', 'oas32']],
    $id: ['A base URI for references inside this schema.', ['oas31', 'oas32']],
    $anchor: ['A plain name that `$ref: "#name"` can point to.', ['oas31', 'oas32']],
    contentMediaType: ['The media type of the string\'s content (JSON Schema 2020-12).', ['oas31', 'oas32']],
    contentEncoding: ['How the string\'s content is encoded, e.g. base64.', ['oas31', 'oas32']],
    unevaluatedProperties: ['The schema of members no other keyword evaluated.', ['oas31', 'oas32']],
    'x-nullable': ['A common Swagger 2.0 extension allowing null.', ['swagger2']],
  },
  encoding: {
    contentType: ['The media type of this property inside the multipart or form body (e.g. image/png for a file part).'],
    headers: ['Headers of this part (multipart only).'],
    style: ['How this property is serialised in a form body.'],
    explode: ['Whether arrays and objects become separate form fields.'],
    allowReserved: ['Whether reserved characters (RFC 3986) are sent without percent-encoding.'],
  },
  flows: {
    implicit: ['The token comes back in the redirect URL, with no client authentication: deprecated by the OAuth 2.0 Security Best Current Practice (RFC 9700).'],
    password: ['The client collects the user\'s password and exchanges it for a token: deprecated by RFC 9700.'],
    clientCredentials: ['A machine-to-machine token: the client authenticates as itself (RFC 6749 §4.4).'],
    authorizationCode: ['The user signs in at the authorization server; the client exchanges the returned code for a token (RFC 6749 §4.1; use PKCE, RFC 7636).'],
    deviceAuthorization: ['For devices without a browser: the user approves on another device (RFC 8628).', ['oas32']],
  },
  flow: {
    authorizationUrl: ['Where the user is sent to sign in and approve.'],
    tokenUrl: ['Where the client obtains the access token.'],
    refreshUrl: ['Where the client refreshes an expired token.'],
    scopes: ['The permissions a token can carry, with descriptions.'],
    deviceAuthorizationUrl: ['Where a device starts the device authorization flow.', ['oas32']],
  },
  secScheme: {
    type: ['The kind of security scheme.'],
    description: ['A description of the scheme.'],
    name: ['The name of the header, query parameter or cookie holding the API key.'],
    in: ['Where the API key travels: header, query or cookie.'],
    scheme: ['The HTTP authentication scheme (RFC 9110 §11), e.g. basic or bearer.', ['oas30', 'oas31', 'oas32']],
    bearerFormat: ['A hint of the bearer token\'s format (e.g. JWT); documentation only.', ['oas30', 'oas31', 'oas32']],
    flows: ['The OAuth 2.0 flows the API supports.', ['oas30', 'oas31', 'oas32']],
    openIdConnectUrl: ['The OpenID Connect discovery document (/.well-known/openid-configuration).', ['oas30', 'oas31', 'oas32']],
    flow: ['The OAuth 2.0 flow: implicit, password, application or accessCode.', ['swagger2']],
    authorizationUrl: ['Where the user signs in (implicit and accessCode flows).', ['swagger2']],
    tokenUrl: ['Where the client obtains the token (password, application and accessCode flows).', ['swagger2']],
    scopes: ['The permissions a token can carry.', ['swagger2']],
    oauth2MetadataUrl: ['The OAuth 2.0 authorization server metadata URL (RFC 8414).', ['oas32']],
    deprecated: ['The scheme should no longer be used.', ['oas32']],
  },
  license: {
    name: ['The license name.'],
    url: ['A URL to the license text.'],
    identifier: ['An SPDX license expression (e.g. Apache-2.0); exclusive with `url`.', ['oas31', 'oas32']],
  },
  contact: { name: ['The contact person or organisation.'], url: ['A URL with contact information.'], email: ['An e-mail address.'] },
  externalDocs: { url: ['The URL of the documentation.'], description: ['What the documentation covers.'] },
  discriminator: {
    propertyName: ['The property whose value names the schema that applies.'],
    mapping: ['Maps values of that property to schema names or references.', ['oas30', 'oas31', 'oas32']],
    defaultMapping: ['The schema that applies when the property is absent or matches no mapping.', ['oas32']],
  },
  server: {
    url: ['The base URL; may hold {variables} defined in `variables`.'],
    variables: ['Values substituted into {placeholders} of the URL.'],
    name: ['A short name for the server.', ['oas32']],
  },
};

const KIND_LABEL: Record<OasKind, string> = { swagger2: 'Swagger 2.0', oas30: 'OpenAPI 3.0', oas31: 'OpenAPI 3.1', oas32: 'OpenAPI 3.2' };

function specLink(m: OpenApiModel, state: State, title?: string): string {
  const a = ANCHOR[state];
  const base = specUrl(m.kind, m.version);
  if (!a) return link(`${KIND_LABEL[m.kind]} specification`, base);
  const anchor = m.kind === 'swagger2' ? a[0] : a[1];
  if (!anchor) return link(`${KIND_LABEL[m.kind]} specification`, base);
  return link(title ?? `${KIND_LABEL[m.kind]}: ${OBJECT_NAME[state] ?? state}`, `${base}#${anchor}`);
}

function preview(text: string, node: JsonNode, maxLines = 14, maxChars = 800): string {
  let s = text.slice(node.span.start, Math.min(node.span.end, node.span.start + maxChars * 2));
  // Re-indent the YAML block relative to its first line.
  const lines = s.split(/\r?\n/);
  const indent = Math.min(...lines.slice(1).filter((l) => l.trim()).map((l) => l.length - l.trimStart().length), 1_000);
  let out = [lines[0], ...lines.slice(1).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))];
  let truncated = node.span.end - node.span.start > s.length;
  if (out.length > maxLines) { out = out.slice(0, maxLines); truncated = true; }
  s = out.join('\n');
  if (s.length > maxChars) { s = s.slice(0, maxChars); truncated = true; }
  return s + (truncated ? '\n…' : '');
}

export function openApiHover(ctx: FeatureContext<OpenApiAnalysed>, offset: number): HoverResult | null {
  const m = ctx.doc.model;
  const hit = nodeAtOffset(m.root, offset);
  if (!hit) return null;
  const L = m.lines;

  // $ref: the target's preview.
  const ref = refAt(m, offset);
  if (ref) {
    const t = ctx.doc.resolver.target(ref);
    const parts = [`**Reference** ${code(ref.ref)}`];
    if ('node' in t) {
      const where = ref.external ? ` in ${code(fileName(t.uri))}` : '';
      parts.push(`Resolves to ${code('#' + t.pointer)}${where}:`);
      parts.push(codeBlock(preview(t.text, t.node), m.syntax === 'json' && !ref.external ? 'json' : /\.json$/i.test(t.uri) ? 'json' : 'yaml'));
      const full = ctx.doc.resolver.resolve(ref.holder);
      if (full && full.chain.length > 1) parts.push(`Follows a chain of ${full.chain.length} references: ${full.chain.map((r) => code(r.ref)).join(' → ')}.`);
    } else parts.push(escapeMarkdown(t.message));
    if (ref.context === 'schema' && (m.kind === 'oas31' || m.kind === 'oas32')) parts.push('In a 3.1+ Schema Object, `$ref` is a JSON Schema keyword: sibling keywords apply too.');
    else if (m.kind !== 'swagger2') parts.push('Sibling fields of a Reference Object are ignored' + (m.kind === 'oas30' ? '.' : ' (except `summary` and `description`).'));
    parts.push(link(`${KIND_LABEL[m.kind]}: Reference Object`, `${specUrl(m.kind, m.version)}#${m.kind === 'swagger2' ? 'reference-object' : 'reference-object'}`));
    return { markdown: parts.join('\n\n'), range: L.rangeOf({ start: ref.keySpan.start, end: ref.valueSpan.end }) };
  }

  // The state of the innermost container, from the ancestors (root first): only the hit's own path is read.
  const prop = hit.property;
  const anc = hit.ancestors;
  const stateAt = (upto: number): State => {
    let st: State = 'root';
    for (let i = 1; i <= upto; i++) {
      const parent = anc[i - 1];
      const child = anc[i];
      const k = parent.type === 'array' ? String(parent.items!.indexOf(child)) : parent.properties!.find((p) => p.value === child)?.key ?? '';
      st = next(st, k, m.kind);
      if (st === 'other') break;
    }
    return st;
  };
  if (!prop) {
    // An array item: the array is the last ancestor; its key names the list.
    const arr = anc[anc.length - 1];
    if (!arr || arr.type !== 'array') return null;
    const arrProp = arr.parent?.properties?.find((p) => p.value === arr);
    return itemHover(m, anc.length >= 2 ? stateAt(anc.length - 2) : 'root', arrProp?.key ?? '', hit.node);
  }
  const state = stateAt(anc.length - 1);
  const keySpanOrValue = hit.onKey ? prop.keySpan : hit.node.span;
  const md = propertyHover(ctx, m, state, prop, hit.onKey);
  if (!md) return null;
  return { markdown: md, range: L.rangeOf(keySpanOrValue) };
}

function itemHover(m: OpenApiModel, state: State, arrayKey: string, node: JsonNode): HoverResult | null {
  const L = m.lines;
  const v = typeof node.value === 'string' ? node.value : undefined;
  if (v === undefined) return null;
  const base = specUrl(m.kind, m.version);
  if (m.kind === 'swagger2' && arrayKey === 'schemes') {
    const p = protocolOfUrl(v + ':');
    return { markdown: `**Transfer protocol: ${escapeMarkdown(p)}** (Swagger 2.0 \`schemes\`)\n\n${escapeMarkdown(protocolMeaning(p))}.\n\n${link('Swagger 2.0: Swagger Object (schemes)', base + '#swagger-object')}`, range: L.rangeOf(node.span) };
  }
  if (m.kind === 'swagger2' && (arrayKey === 'consumes' || arrayKey === 'produces')) {
    const f = formatOf(v);
    const dir = arrayKey === 'consumes' ? 'Request' : 'Response';
    return { markdown: `**${dir} media type** ${code(v)}: **${escapeMarkdown(f.format)}**\n\n${escapeMarkdown(f.what)}${f.link ? ` (${link(f.link.title, f.link.url)})` : ''}.\n\n${link('Swagger 2.0: MIME types', base + '#mime-types')}`, range: L.rangeOf(node.span) };
  }
  if (arrayKey === 'tags' && state !== 'root') {
    const tag = m.tags.find((t) => t.name?.value === v);
    return { markdown: `**Tag** ${code(v)}${tag ? '' : ' (not declared in the root `tags`)'}\n\nGroups this operation with others in documentation and code generators.`, range: L.rangeOf(node.span) };
  }
  return null;
}

function propertyHover(ctx: FeatureContext<OpenApiAnalysed>, m: OpenApiModel, state: State, prop: JsonProperty, onKey: boolean): string | null {
  const key = prop.key;
  const value = prop.value;
  const label = KIND_LABEL[m.kind];
  const base = specUrl(m.kind, m.version);
  const sv = typeof value.value === 'string' ? value.value : undefined;

  if (state === 'root' && (key === 'openapi' || key === 'swagger')) {
    const what = m.kind === 'swagger2'
      ? 'Swagger 2.0 (OpenAPI 2.0): `definitions`, `consumes`/`produces`, `schemes`/`host`/`basePath`; schemas are an extended subset of JSON Schema draft 4.'
      : m.kind === 'oas30'
        ? 'OpenAPI 3.0: `servers`, `components`, `requestBody` and `content` per media type; schemas are an extended subset of JSON Schema Wright draft 00 (`nullable`, no `type` arrays).'
        : m.kind === 'oas31'
          ? 'OpenAPI 3.1: schemas are full JSON Schema 2020-12 (`type` arrays, `const`, `$defs`), `webhooks`, `jsonSchemaDialect`, `pathItems` in components, `paths` optional.'
          : 'OpenAPI 3.2: adds the `query` method and `additionalOperations`, streaming media types with `itemSchema`, hierarchical tags (`parent`, `kind`), `$self`, and more, on top of 3.1.';
    return `**${label}** API description (version ${code(m.version)})\n\n${what}\n\n${link(`${label} specification`, base)}`;
  }

  // Operation (the method key).
  if (state === 'pathItem' && PATH_ITEM_METHODS[m.kind].includes(key) || state === 'opMap') {
    const method = key.toLowerCase();
    const op = m.operations.find((o) => o.node === value);
    const info = own(METHODS, method);
    const parts = [`**${escapeMarkdown(key.toUpperCase())}** ${op ? code(op.path) : ''}${op?.operationId ? ` · ${code(op.operationId.value)}` : ''}${op?.origin === 'webhook' ? ' (webhook: the API sends this request)' : op?.origin === 'callback' ? ' (callback: the API sends this request)' : ''}`];
    if (op?.summary) parts.push(escapeMarkdown(op.summary.value));
    if (info) {
      parts.push(`${info.safe ? 'Safe' : 'Not safe'} (${info.safe ? 'read-only' : 'changes state'}), ${info.idempotent ? 'idempotent' : 'not idempotent'} (${info.idempotent ? 'repeating it has the same effect as sending it once' : 'a retry may repeat the effect'}), ${info.cacheable}: ${info.body}. ${link(info.link.title, info.link.url)}`);
      parts.push(restNote(method, op?.path ?? ''));
    } else parts.push(`An extension method (3.2 \`additionalOperations\`): its semantics are whatever its own specification defines.`);
    parts.push(link(`${label}: Operation Object`, `${base}#${m.kind === 'swagger2' ? 'operation-object' : 'operation-object'}`));
    return parts.join('\n\n');
  }
  if (state === 'pathItem' && key === 'query' && m.kind !== 'oas32') {
    return `${code('query')} is not an operation in ${label}: the QUERY method is a Path Item field only from OpenAPI 3.2. Here it is an unknown field.`;
  }

  // Paths.
  if (state === 'paths') {
    const params = [...key.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]);
    const pi = m.pathItems.find((p) => p.entry === value);
    const ops = pi?.operations.map((o) => o.method.toUpperCase()) ?? [];
    const isWebhook = pi?.origin === 'webhook';
    return `**${isWebhook ? 'Webhook' : 'Path'}** ${code(key)}\n\n${isWebhook ? 'A request the API sends to the consumer, named' : `A path template appended to the server URL${params.length ? `, with ${params.length} path parameter${params.length > 1 ? 's' : ''}: ${params.map(code).join(', ')}` : ''}`}.${ops.length ? ` Operations: ${ops.map(escapeMarkdown).join(', ')}.` : ''}\n\n${specLink(m, 'pathItem')}`;
  }

  // Server URL.
  if (state === 'server' && key === 'url' && sv !== undefined) {
    // The model resolved {variables} to their defaults.
    const p = m.servers.find((x) => x.span.start === value.span.start)?.protocol ?? protocolOfUrl(sv);
    return `**Server URL: ${escapeMarkdown(p)}** ${code(sv)}\n\n${escapeMarkdown(protocolMeaning(p))}.${/\{[^}]+\}/.test(sv) ? ' The {placeholders} are filled from `variables`.' : ''}\n\n${link(`${label}: Server Object`, `${base}#server-object`)}`;
  }
  if (m.kind === 'swagger2' && state === 'root' && (key === 'host' || key === 'basePath' || key === 'schemes')) {
    const urls = m.servers.map((s) => code(s.url)).join(', ');
    const protos = [...new Set(m.servers.map((s) => s.protocol))];
    return `**${escapeMarkdown(key)}** (Swagger 2.0)\n\n${escapeMarkdown(FIELDS.root![key][0])}${urls ? `\n\nBase URL${m.servers.length > 1 ? 's' : ''}: ${urls} (${protos.map((p) => escapeMarkdown(p)).join(', ')}: ${escapeMarkdown(protos.map(protocolMeaning).join('; '))}).` : ''}\n\n${link('Swagger 2.0: Swagger Object', base + '#swagger-object')}`;
  }

  // Media types.
  if (state === 'content') {
    const f = formatOf(key);
    const parts = [`**Media type** ${code(key)}: **${escapeMarkdown(f.format)}**`, `${escapeMarkdown(f.what)}${f.link ? ` (${link(f.link.title, f.link.url)})` : ''}.`];
    if (f.streaming) parts.push(m.kind === 'oas32' ? 'A sequential media type: describe each item with `itemSchema` (OpenAPI 3.2).' : `A streaming media type; ${label} can only describe the whole body with \`schema\` (per-item \`itemSchema\` arrived in 3.2).`);
    parts.push(link(`${label}: Media Type Object`, `${base}#media-type-object`));
    return parts.join('\n\n');
  }

  // Responses.
  if (state === 'responses' || (state === 'responseMap' && onKey)) {
    return `**Response ${escapeMarkdown(key)}**: ${escapeMarkdown(statusMeaning(key))}.\n\n${link(`RFC 9110 §15 Status Codes`, 'https://www.rfc-editor.org/rfc/rfc9110#section-15')} · ${specLink(m, 'response')}`;
  }

  // Security schemes.
  if (state === 'secSchemeMap' || (state === 'secScheme' && (key === 'type' || key === 'scheme' || key === 'in'))) {
    const sm = state === 'secSchemeMap' ? m.securitySchemes.find((s) => s.node === value || s.keySpan.start === prop.keySpan.start) : m.securitySchemes.find((s) => s.node === prop.value.parent);
    if (sm) {
      const wire = securityOnTheWire(sm.type?.value, sm.scheme?.value, sm.in?.value, sm.paramName?.value, sm.flows);
      const mtls = sm.type?.value === 'mutualTLS' && (m.kind === 'oas30' || m.kind === 'swagger2') ? `\n\n\`mutualTLS\` is not a security scheme type in ${label} (it exists from 3.1).` : '';
      return `**Security scheme** ${code(sm.name)}${sm.type ? ` (${code(sm.type.value)}${sm.scheme ? ` ${code(sm.scheme.value)}` : ''})` : ''}\n\n${escapeMarkdown(wire).replace(/\\`([^`]*?)\\`/g, (_x, inner: string) => code(inner.replace(/\\(.)/g, '$1')))}${mtls}\n\n${specLink(m, 'secScheme')}`;
    }
  }
  if (state === 'secReq') {
    const sm = m.securitySchemes.find((s) => s.name === key);
    if (!sm) return `**Security requirement** ${code(key)}\n\nNo security scheme named ${code(key)} is defined in ${m.kind === 'swagger2' ? '`securityDefinitions`' : '`components.securitySchemes`'}.`;
    const wire = securityOnTheWire(sm.type?.value, sm.scheme?.value, sm.in?.value, sm.paramName?.value, sm.flows);
    return `**Security requirement** ${code(key)}\n\n${escapeMarkdown(wire).replace(/\\`([^`]*?)\\`/g, (_x, inner: string) => code(inner.replace(/\\(.)/g, '$1')))}\n\n${specLink(m, 'secReq')}`;
  }

  // Parameters: `in`.
  if (state === 'parameter' && key === 'in' && sv !== undefined) {
    const where: Record<string, string> = {
      path: 'a segment of the URL path, filling a {template} of the path: always required',
      query: 'the query string of the URL (?name=value): visible in logs and caches',
      header: 'an HTTP request header',
      cookie: 'the Cookie header',
      body: 'the request body (Swagger 2.0: at most one body parameter)',
      formData: 'a field of a form body (application/x-www-form-urlencoded or multipart/form-data)',
      querystring: 'the whole query string as one value (OpenAPI 3.2)',
    };
    const valid = m.kind === 'swagger2' ? ['path', 'query', 'header', 'body', 'formData'] : m.kind === 'oas32' ? ['path', 'query', 'header', 'cookie', 'querystring'] : ['path', 'query', 'header', 'cookie'];
    return `**Parameter location** ${code(sv)}\n\n${valid.includes(sv) ? escapeMarkdown(`The value travels in ${own(where, sv)}.`) : `Not a parameter location in ${label}: use one of ${valid.map(code).join(', ')}.`}\n\n${specLink(m, 'parameter')}`;
  }

  // Callbacks and links: where the API calls back, and design-time hypermedia.
  if (state === 'callbackMap' && onKey) {
    return `**Callback** ${code(key)}\n\nRequests the API sends to the consumer after this operation, to URLs computed from the request or response (runtime expressions such as \`{$request.body#/callbackUrl}\`): the consumer must run a server.\n\n${specLink(m, 'callback')}`;
  }
  if (state === 'callback' && onKey) {
    const exprs = [...key.matchAll(/\{(\$[^}]+)\}/g)].map((x) => x[1]);
    return `**Callback URL expression** ${code(key)}\n\n${exprs.length ? `Evaluated at run time: ${exprs.map((e) => code(e)).join(', ')} ${exprs.some((e) => e.startsWith('$request')) ? '(taken from the original request)' : '(taken from the response)'}.` : 'A constant URL.'}\n\n${link(`${label}: Runtime Expressions`, `${base}#runtime-expressions`)}`;
  }
  if (state === 'linkMap' && onKey) {
    const target = value.properties?.find((p) => p.key === 'operationId' || p.key === 'operationRef');
    return `**Link** ${code(key)}${target && typeof target.value.value === 'string' ? ` → ${code(target.value.value)}` : ''}\n\nA follow-up operation a client can call with values from this response: hypermedia declared at design time (the response itself carries no links).\n\n${link(`${label}: Link Object`, `${base}#link-object`)}`;
  }
  if (state === 'headerMap' && onKey) {
    const lk = key.toLowerCase();
    const meaning: Record<string, string> = {
      location: 'the URL of the created or target resource (RFC 9110 §10.2.2)', link: 'typed links to related resources (RFC 8288): hypermedia in a header',
      etag: 'a validator for conditional requests and caching (RFC 9110 §8.8.3)', 'retry-after': 'how long to wait before retrying (RFC 9110 §10.2.3)',
      'cache-control': 'caching directives (RFC 9111 §5.2)', 'content-type': 'ignored here: the media type comes from `content`',
      'x-ratelimit-limit': 'a rate limit (a common convention, not a standard)', 'ratelimit-limit': 'a rate limit (IETF draft RateLimit header fields)',
    };
    return `**Response header** ${code(key)}${own(meaning, lk) ? `: ${escapeMarkdown(own(meaning, lk)!)}` : ''}\n\n${specLink(m, 'header')}`;
  }

  // Schema keywords with values worth explaining.
  if (state === 'schema' && key === 'type') {
    const types = value.type === 'array' ? (value.items ?? []).map((i) => String(i.value)) : sv !== undefined ? [sv] : [];
    const arr = value.type === 'array';
    const note = arr && (m.kind === 'swagger2' || m.kind === 'oas30') ? ` A list of types is not allowed in ${label}: use one type${m.kind === 'oas30' ? ' and `nullable: true`' : ''}.` : '';
    const nullNote = types.includes('null') && (m.kind === 'swagger2' || m.kind === 'oas30') ? ` \`null\` is not a type in ${label}.` : '';
    return `**type** ${types.map(code).join(' | ')} (Schema Object)\n\n${escapeMarkdown(FIELDS.schema!.type[0])}${escapeMarkdown(note)}${nullNote}\n\n${specLink(m, 'schema')}`;
  }
  if (state === 'schema' && key === 'format' && sv !== undefined) {
    const formats: Record<string, string> = {
      'date-time': 'a date and time, RFC 3339 (e.g. 2024-05-01T12:00:00Z)', date: 'a full date, RFC 3339 (e.g. 2024-05-01)', int32: 'a signed 32-bit integer',
      int64: 'a signed 64-bit integer (beyond JavaScript\'s safe integers above 2^53)', float: 'a 32-bit floating-point number', double: 'a 64-bit floating-point number',
      byte: 'base64-encoded bytes', binary: 'raw bytes (a file)', password: 'a string to hide in user interfaces', uuid: 'a UUID, RFC 9562', email: 'an e-mail address, RFC 5321',
      uri: 'an absolute URI, RFC 3986', 'uri-reference': 'a URI or relative reference, RFC 3986', hostname: 'a host name, RFC 1123', ipv4: 'an IPv4 address', ipv6: 'an IPv6 address',
    };
    return `**format** ${code(sv)} (Schema Object)\n\n${escapeMarkdown(own(formats, sv) ? `The value is ${own(formats, sv)}.` : 'A format this version does not define; tools treat it as an annotation.')}\n\n${link(`${label}: Data Types`, `${base}#data-types`)}`;
  }
  if (state === 'schemaProps' && onKey) {
    const parentSchema = prop.value.parent?.parent;
    const req = parentSchema?.properties?.find((p) => p.key === 'required')?.value.items?.some((i) => i.value === key);
    const t = value.properties?.find((p) => p.key === 'type')?.value;
    const tv = t ? (t.type === 'array' ? (t.items ?? []).map((i) => String(i.value)).join(' | ') : String(t.value)) : value.properties?.some((p) => p.key === '$ref') ? 'a referenced schema' : 'any';
    return `**Property** ${code(key)}: ${escapeMarkdown(tv)}${req ? ', required' : ', optional'}\n\n${specLink(m, 'schema')}`;
  }
  if (state === 'schemaMap' && onKey) {
    const comp = m.components.find((c) => c.node === value);
    const uses = comp ? m.refs.filter((r) => !r.external && r.targetPointer === comp.pointer).length : 0;
    const t = value.properties?.find((p) => p.key === 'type')?.value;
    const nProps = value.properties?.find((p) => p.key === 'properties')?.value.properties?.length ?? 0;
    return `**Schema** ${code(key)}${t && typeof t.value === 'string' ? `: ${escapeMarkdown(t.value)}` : ''}${nProps ? ` with ${nProps} propert${nProps > 1 ? 'ies' : 'y'}` : ''}\n\nReferenced ${uses} time${uses === 1 ? '' : 's'} in this document.\n\n${specLink(m, 'schema')}`;
  }
  if (state === 'components' && onKey && m.kind !== 'swagger2') {
    const f2 = own(FIELDS.components, key);
    if (f2 && f2[1] && !f2[1].includes(m.kind)) return `${code(key)} is not a field of the Components Object in ${label} (it exists in ${escapeMarkdown(f2[1].map((k) => KIND_LABEL[k]).join(', '))}).\n\n${specLink(m, 'components')}`;
    if (f2) {
      const n = value.properties?.length ?? 0;
      return `**${escapeMarkdown(key)}** (Components Object): ${n} entr${n === 1 ? 'y' : 'ies'}\n\n${escapeMarkdown(f2[0])}\n\n${specLink(m, 'components')}`;
    }
  }

  // Generic field descriptions.
  const fields = FIELDS[state];
  const f = own(fields, key);
  if (f) {
    if (f[1] && !f[1].includes(m.kind)) {
      const where = f[1].map((k) => KIND_LABEL[k]).join(', ');
      return `${code(key)} is not a field of the ${OBJECT_NAME[state] ?? state} in ${label} (it exists in ${escapeMarkdown(where)}).\n\n${specLink(m, state)}`;
    }
    let extra = key === 'jsonSchemaDialect' && sv ? `\n\nDialect: ${code(sv)}` : '';
    if (state === 'info' && key === 'version' && value.type === 'number' && m.syntax === 'yaml') {
      extra = `\n\nYAML reads ${code(m.text.slice(value.span.start, value.span.end))} as a number, not a string (${code(String(value.value))}): quote it.`;
    }
    return `**${escapeMarkdown(key)}** (${escapeMarkdown(OBJECT_NAME[state] ?? state)})\n\n${escapeMarkdown(f[0]).replace(/\\`([^`]*?)\\`/g, (_x, inner: string) => code(inner.replace(/\\(.)/g, '$1')))}${extra}\n\n${specLink(m, state)}`;
  }
  if (key.startsWith('x-')) return `**Specification extension** ${code(key)}\n\nTooling-specific data; ${label} gives it no meaning.\n\n${specLink(m, 'root', `${label}: Specification Extensions`).replace(/#[^)]*\)$/, '#specification-extensions)')}`;
  if (onKey && OBJECT_NAME[state]) return `**${escapeMarkdown(key)}** (${escapeMarkdown(OBJECT_NAME[state]!)})\n\n${specLink(m, state)}`;
  return null;
}

/** What the method says about REST, in one sentence. */
function restNote(method: string, path: string): string {
  const collection = !/\{[^}]+\}\/?$/.test(path);
  switch (method) {
    case 'get': return `In REST, GET reads the resource at ${collection ? 'a collection' : 'one item'} URL; clients and caches rely on it having no side effects.`;
    case 'post': return collection ? 'In REST, POST to a collection usually creates a member (201 Created with Location); it is also the catch-all of RPC-style APIs.' : 'POST to an item URL is usually an action on it (RPC-like unless the result is a new resource).';
    case 'put': return 'In REST, PUT replaces the whole representation at a URL the client knows: safe to retry.';
    case 'patch': return 'PATCH changes part of a resource; not idempotent in general, so retries need care.';
    case 'delete': return 'In REST, DELETE removes the resource; repeating it leaves the same state.';
    case 'query': return 'QUERY is the safe, cacheable alternative to POST for searches whose input is too large or structured for a URL.';
    default: return 'A method about the resource or the connection rather than its data.';
  }
}

/**
 * What a field means, for completion: the description of `key` in the object at `path` (root first), in
 * this version, with a link to that object's section of the specification. Undefined when not described.
 */
export function fieldDocumentation(kind: OasKind, version: string, path: readonly (string | number)[], key: string): string | undefined {
  let state: State = 'root';
  for (const seg of path) {
    state = next(state, String(seg), kind);
    if (state === 'other') return undefined;
  }
  const field = FIELDS[state]?.[key];
  if (!field || (field[1] && !field[1].includes(kind))) return undefined;
  const a = ANCHOR[state];
  const anchor = a ? (kind === 'swagger2' ? a[0] : a[1]) : '';
  const where = anchor ? link(`${KIND_LABEL[kind]}: ${OBJECT_NAME[state] ?? state}`, `${specUrl(kind, version)}#${anchor}`) : '';
  return `${field[0]}${where ? `\n\n${where}` : ''}`;
}
