/**
 * The specification sections style explanations cite. One place, so hovers, describe output, the
 * comparison view and the style rules all point at the same section for the same statement.
 */
import type { SpecLink } from './summary';

const link = (title: string, url: string): SpecLink => ({ title, url });

export const SPEC = {
  restChapter: link('Fielding, dissertation ch. 5: Representational State Transfer', 'https://ics.uci.edu/~fielding/pubs/dissertation/rest_arch_style.htm'),
  restUniformInterface: link('Fielding, dissertation §5.1.5: Uniform Interface', 'https://ics.uci.edu/~fielding/pubs/dissertation/rest_arch_style.htm#sec_5_1_5'),
  restResources: link('Fielding, dissertation §5.2.1.1: Resources and Resource Identifiers', 'https://ics.uci.edu/~fielding/pubs/dissertation/rest_arch_style.htm#sec_5_2_1_1'),
  richardson: link('Richardson Maturity Model (M. Fowler)', 'https://martinfowler.com/articles/richardsonMaturityModel.html'),
  rfc9110Methods: link('RFC 9110 §9.3: Method Definitions', 'https://www.rfc-editor.org/rfc/rfc9110#section-9.3'),
  rfc9110Safe: link('RFC 9110 §9.2.1: Safe Methods', 'https://www.rfc-editor.org/rfc/rfc9110#section-9.2.1'),
  rfc9110Get: link('RFC 9110 §9.3.1: GET', 'https://www.rfc-editor.org/rfc/rfc9110#section-9.3.1'),
  rfc9110Head: link('RFC 9110 §9.3.2: HEAD', 'https://www.rfc-editor.org/rfc/rfc9110#section-9.3.2'),
  rfc9110Delete: link('RFC 9110 §9.3.5: DELETE', 'https://www.rfc-editor.org/rfc/rfc9110#section-9.3.5'),
  rfc9110Post: link('RFC 9110 §9.3.3: POST', 'https://www.rfc-editor.org/rfc/rfc9110#section-9.3.3'),
  rfc9110Status: link('RFC 9110 §15: Status Codes', 'https://www.rfc-editor.org/rfc/rfc9110#section-15'),
  rfc8288Links: link('RFC 8288: Web Linking', 'https://www.rfc-editor.org/rfc/rfc8288'),
  soap11: link('SOAP 1.1 (W3C Note)', 'https://www.w3.org/TR/2000/NOTE-SOAP-20000508/'),
  soap11Http: link('SOAP 1.1 §6: Using SOAP in HTTP', 'https://www.w3.org/TR/2000/NOTE-SOAP-20000508/#_Toc478383526'),
  soap11Encoding: link('SOAP 1.1 §5: SOAP Encoding', 'https://www.w3.org/TR/2000/NOTE-SOAP-20000508/#_Toc478383512'),
  soap12: link('SOAP 1.2 Part 1: Messaging Framework', 'https://www.w3.org/TR/soap12-part1/'),
  soap12Rpc: link('SOAP 1.2 Part 2 §4: SOAP RPC Representation', 'https://www.w3.org/TR/soap12-part2/#soapforrpc'),
  soap12Http: link('SOAP 1.2 Part 2 §7: SOAP HTTP Binding', 'https://www.w3.org/TR/soap12-part2/#soaphttpbind'),
  wsdl11Soap: link('WSDL 1.1 §3: SOAP Binding (style, use)', 'https://www.w3.org/TR/2001/NOTE-wsdl-20010315#_soap-b'),
  wsdl11Http: link('WSDL 1.1 §4: HTTP GET & POST Binding', 'https://www.w3.org/TR/2001/NOTE-wsdl-20010315#_http'),
  wsiLiteral: link('WS-I Basic Profile 1.1 R2706: use="literal" only', 'https://www.ws-i.org/Profiles/BasicProfile-1.1.html#R2706'),
  wsiStyles: link('WS-I Basic Profile 1.1 §4.7.3–4.7.4: rpc-literal and document-literal bindings', 'https://www.ws-i.org/Profiles/BasicProfile-1.1.html#Consistency_of_style_Attribute'),
  wsdl20Http: link('WSDL 2.0 Adjuncts §6: HTTP Binding', 'https://www.w3.org/TR/wsdl20-adjuncts/#http-binding'),
  wsdl20Soap: link('WSDL 2.0 Adjuncts §5: SOAP Binding', 'https://www.w3.org/TR/wsdl20-adjuncts/#soap-binding'),
  wsdl20Rpc: link('WSDL 2.0 Adjuncts §4.1: RPC Style', 'https://www.w3.org/TR/wsdl20-adjuncts/#_operation_rpc_style'),
  xmlRpc: link('XML-RPC Specification', 'http://xmlrpc.com/spec.md'),
  graphqlHttp: link('GraphQL over HTTP (draft specification)', 'https://graphql.github.io/graphql-over-http/draft/'),
  jsonRpc: link('JSON-RPC 2.0 Specification', 'https://www.jsonrpc.org/specification'),
  oasWebhooks: link('OpenAPI 3.1 §4.8.1: webhooks', 'https://spec.openapis.org/oas/v3.1.0#oasWebhooks'),
  oasCallbacks: link('OpenAPI 3.0 §4.7.17: Callback Object', 'https://spec.openapis.org/oas/v3.0.3#callback-object'),
  mixedContent: link('W3C Mixed Content §4.3: blocked requests', 'https://www.w3.org/TR/mixed-content/#should-block-fetch'),
} as const;
