/**
 * What a document is, as plain data: protocols, formats and design styles, each fact tied to the
 * source that proves it. Dialects (wsdl/, openapi/) fill the raw signals and the protocol/format
 * facts; analysis/classify.ts derives design styles from those signals. The CLI's `describe`, the
 * `apiLens/describe` LSP request, the status bar and the comparison view all show this structure.
 */
import type { Span, Range } from '../core/text';
import type { DocumentKind } from '../core/types';

export type Confidence = 'certain' | 'likely' | 'possible';

export interface Evidence {
  uri: string;
  span: Span;
  /** Filled in by the service before the summary leaves it. */
  range?: Range;
}

export interface SpecLink { title: string; url: string }

export interface Fact {
  /** Short label, e.g. "SOAP 1.2", "HTTPS", "JSON", "application/xml", "REST (level 2)". */
  value: string;
  confidence: Confidence;
  /** One sentence saying why, citing what was seen. */
  reason: string;
  evidence: Evidence[];
  spec?: SpecLink;
  // --- Added by analysis/classify.ts (optional; dialects need not fill them)
  /** Stable id of a design style (style facts only), e.g. 'rest', 'soap-document-literal'. */
  style?: StyleId;
  /** Richardson maturity level, for 'rest' and 'rpc-http' style facts. */
  level?: 0 | 1 | 2 | 3;
  /** Names of the operations that exhibit this fact (a document-level style lists its operations). */
  operations?: string[];
  /** Further reasons, one sentence each (e.g. each maturity criterion met or missed). */
  notes?: string[];
}

/** Design styles API Lens names (analysis/classify.ts). */
export type StyleId =
  | 'soap-document-literal' | 'soap-rpc-literal' | 'soap-rpc-encoded' | 'soap-document-encoded'
  | 'wsdl-http-binding' | 'rest' | 'rpc-http' | 'soap-tunnel' | 'xml-rpc' | 'graphql' | 'json-rpc'
  | 'webhook' | 'callback' | 'abstract' | 'mixed';

export type OperationOrigin = 'operation' | 'webhook' | 'callback';

export interface OperationSummary {
  /** operationId, WSDL operation name, or "METHOD /path". */
  name: string;
  uri: string;
  span: Span;
  origin: OperationOrigin;
  // --- HTTP signals (OpenAPI; WSDL 2.0 HTTP binding)
  method?: string;
  path?: string;
  requestMediaTypes: string[];
  responseMediaTypes: string[];
  statusCodes: string[];
  /** Header and parameter names of note (e.g. SOAPAction). */
  headerNames: string[];
  hasRequestBody: boolean;
  /** Links/HAL/JSON:API/Link headers seen in responses. */
  hypermedia: boolean;
  /** Body hints seen in schemas/examples: 'methodCall' (XML-RPC), 'jsonrpc', 'graphql-query', 'soap-envelope'. */
  bodyHints: string[];
  // --- SOAP signals (WSDL)
  soapVersion?: '1.1' | '1.2';
  soapAction?: string;
  bindingStyle?: 'document' | 'rpc';
  use?: 'literal' | 'encoded';
  /** WSDL message exchange pattern: one-way, request-response, solicit-response, notification, or a WSDL 2.0 MEP URI. */
  pattern?: string;
  protocols: Fact[];
  formats: Fact[];
  /** Filled by analysis/classify.ts. */
  styles: Fact[];
  /** Range of `span`; filled in by the service before the summary leaves it. */
  range?: Range;
  /** Binding (WSDL) the operation was read from, when one portType operation appears in several bindings. */
  binding?: string;
}

export interface Endpoint {
  url: string;
  uri: string;
  span: Span;
  /** 'HTTP' | 'HTTPS' | 'WS' | 'WSS' | 'JMS' | 'SMTP' | 'relative' | other scheme upper-cased */
  protocol: string;
  /** SOAP version when the endpoint is a SOAP port. */
  soapVersion?: '1.1' | '1.2';
  /** WSDL service (1.1) or service (2.0) holding the port/endpoint; SOAP-version mixing is judged per service. */
  service?: string;
  /** Range of `span`; filled in by the service. */
  range?: Range;
}

export interface ArchitectureWeight {
  /** Operations a reader counts: WSDL abstract (portType/interface) operations, each once; OpenAPI operations. */
  operations: number;
  /** WSDL: binding operations (one operation bound by a SOAP 1.1 and a SOAP 1.2 binding counts twice here). */
  bindingOperations?: number;
  /** WSDL messages, or OpenAPI request/response bodies. */
  messages: number;
  /** Named schema types/elements (xsd, components.schemas, definitions). */
  schemaTypes: number;
  /** True when every message travels in an XML envelope (SOAP). */
  envelope: boolean;
  bytes: number;
}

export interface DocumentSummary {
  uri: string;
  kind: DocumentKind;
  version: string;
  title?: string;
  /** 'web-service': a WSDL/SOAP contract; 'api': any other API description. */
  scope: 'web-service' | 'api';
  protocols: Fact[];
  formats: Fact[];
  /** Design styles for the whole document, with reasons; "mixed" when several apply. */
  styles: Fact[];
  security: Fact[];
  endpoints: Endpoint[];
  operations: OperationSummary[];
  weight: ArchitectureWeight;
  /** Kinds of clients that can consume it, e.g. "any HTTP client with a JSON parser", "SOAP toolkits". */
  clients: string[];
  /** One line for a status bar: "SOAP 1.2 · XML · document/literal". */
  headline: string;
}
