/**
 * Every WSDL diagnostic code of the rule set (structural wsdl-* and WS-I Basic Profile wsi-r*), registered
 * once at load time. The checks live in the sibling modules; docs/rules/<code>.md explains each code.
 * Severities: error = the contract is broken (a tool cannot build a client); warning = WS-I conformance or a
 * real interoperability risk; information = hygiene.
 */
import { defineRule, type RuleMeta } from '../../rules/registry';

const WSDL11 = 'https://www.w3.org/TR/2001/NOTE-wsdl-20010315';
const WSDL20 = 'https://www.w3.org/TR/wsdl20/';
const WSDL20_ADJ = 'https://www.w3.org/TR/wsdl20-adjuncts/';
const BP11 = 'http://www.ws-i.org/Profiles/BasicProfile-1.1.html';

function wsi(code: string, title: string, req: string, severity: RuleMeta['defaultSeverity'] = 'warning'): RuleMeta {
  return defineRule({
    code, title, defaultSeverity: severity, appliesTo: ['wsdl11'],
    reference: { title: `WS-I Basic Profile 1.1, ${req} (kept in Basic Profile 2.0 for SOAP 1.2)`, url: `${BP11}#${req}` },
  });
}

// ---- structural -------------------------------------------------------------------------------

export const UNRESOLVED_REFERENCE = defineRule({
  code: 'wsdl-unresolved-reference',
  title: 'A QName reference to a WSDL component (message, portType, binding, interface, fault) names nothing that is defined or imported.',
  defaultSeverity: 'error', appliesTo: ['wsdl11', 'wsdl20'],
  reference: { title: 'WSDL 1.1 §2.1.1 (names and linking); WSDL 2.0 §2.19 (QName resolution)', url: `${WSDL11}#_document-n` },
});
export const UNRESOLVED_SCHEMA_REFERENCE = defineRule({
  code: 'wsdl-unresolved-schema-reference',
  title: 'A QName reference to a schema element or type (part element/type, xs:element ref/type, base) names no declaration in the embedded or imported schemas.',
  defaultSeverity: 'error', appliesTo: ['wsdl11', 'wsdl20'],
  reference: { title: 'WSDL 1.1 §2.2 and §2.3.1; XML Schema Part 1 §3.15.3 (QName resolution)', url: `${WSDL11}#_types` },
});
export const UNKNOWN_PART = defineRule({
  code: 'wsdl-unknown-part',
  title: 'A soap:body parts list or a soap:header part names a part the message does not have.',
  defaultSeverity: 'error', appliesTo: ['wsdl11'],
  reference: { title: 'WSDL 1.1 §3.5 soap:body and §3.7 soap:header', url: `${WSDL11}#_soap:body` },
});
export const DUPLICATE_NAME = defineRule({
  code: 'wsdl-duplicate-name',
  title: 'Two components of the same kind share a name where WSDL requires it to be unique (messages, portTypes, bindings, services, ports, parts, faults, WSDL 2.0 operations).',
  defaultSeverity: 'error', appliesTo: ['wsdl11', 'wsdl20'],
  reference: { title: 'WSDL 1.1 §2.1.1 (names unique among the definitions of one kind)', url: `${WSDL11}#_document-n` },
});
export const BINDING_OPERATION_UNKNOWN = defineRule({
  code: 'wsdl-binding-operation-unknown',
  title: 'A binding operation names no operation of its portType or interface, or binds an input, output or fault that operation does not have.',
  defaultSeverity: 'error', appliesTo: ['wsdl11', 'wsdl20'],
  reference: { title: 'WSDL 1.1 §2.5 Bindings', url: `${WSDL11}#_bindings` },
});
export const PART_TYPE_MISSING = defineRule({
  code: 'wsdl-part-type-missing',
  title: 'A message part has neither an element nor a type attribute, so its content is undefined.',
  defaultSeverity: 'error', appliesTo: ['wsdl11'],
  reference: { title: 'WSDL 1.1 §2.3.1 Message Parts', url: `${WSDL11}#_messages` },
});
export const OPERATION_WITHOUT_MESSAGES = defineRule({
  code: 'wsdl-operation-without-messages',
  title: 'An operation has neither an input nor an output, so no message is ever exchanged.',
  defaultSeverity: 'error', appliesTo: ['wsdl11', 'wsdl20'],
  reference: { title: 'WSDL 1.1 §2.4 Port Types', url: `${WSDL11}#_porttypes` },
});
export const PORT_WITHOUT_ADDRESS = defineRule({
  code: 'wsdl-port-without-address',
  title: 'A port has no address extension (or more than one), so clients do not know where to send messages.',
  defaultSeverity: 'warning', appliesTo: ['wsdl11'],
  reference: { title: 'WSDL 1.1 §2.6 Ports and §3.8 soap:address', url: `${WSDL11}#_ports` },
});
export const ENDPOINT_NOT_HTTPS = defineRule({
  code: 'wsdl-endpoint-not-https',
  title: 'An endpoint address uses plain http://: messages travel unencrypted and unauthenticated.',
  defaultSeverity: 'warning', appliesTo: ['wsdl11', 'wsdl20'],
  reference: { title: 'RFC 9110 §4.2.2 (https URI scheme)', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-4.2.2' },
});
export const SOAP_ACTION_MISSING = defineRule({
  code: 'wsdl-soap-action-missing',
  title: 'A SOAP operation has no soapAction where one is needed: several document-style operations over SOAP 1.1/HTTP, or soapActionRequired="true" in SOAP 1.2.',
  defaultSeverity: 'information', appliesTo: ['wsdl11'],
  reference: { title: 'WSDL 1.1 §3.4 soap:operation', url: `${WSDL11}#_soap:operation` },
});
export const SOAP_ACTION_DUPLICATE = defineRule({
  code: 'wsdl-soap-action-duplicate',
  title: 'Several operations of one binding declare the same soapAction, so a server dispatching on the action cannot tell them apart.',
  defaultSeverity: 'warning', appliesTo: ['wsdl11'],
  reference: { title: 'WSDL 1.1 §3.4 soap:operation', url: `${WSDL11}#_soap:operation` },
});
export const SOAP_ACTION_MISMATCH = defineRule({
  code: 'wsdl-soap-action-mismatch',
  title: 'The soapAction of a binding operation differs from the WS-Addressing Action of the portType input it binds.',
  defaultSeverity: 'warning', appliesTo: ['wsdl11'],
  reference: { title: 'WS-Addressing 1.0 Metadata §4.4 (Action in WSDL 1.1)', url: 'https://www.w3.org/TR/ws-addr-metadata/#actioninwsdl' },
});
export const SOAP_VALUE_INVALID = defineRule({
  code: 'wsdl-soap-value-invalid',
  title: 'A SOAP binding attribute has a value the SOAP binding does not define (style other than rpc/document, use other than literal/encoded).',
  defaultSeverity: 'error', appliesTo: ['wsdl11'],
  reference: { title: 'WSDL 1.1 §3.3 soap:binding and §3.5 soap:body', url: `${WSDL11}#_soap-b` },
});
export const OLD_SCHEMA_NAMESPACE = defineRule({
  code: 'wsdl-old-schema-namespace',
  title: 'The document uses a draft XML Schema namespace (1999 or 2000/10) instead of http://www.w3.org/2001/XMLSchema.',
  defaultSeverity: 'warning', appliesTo: ['wsdl11', 'wsdl20'],
  reference: { title: 'XML Schema Part 1 (2001 Recommendation) namespace', url: 'https://www.w3.org/TR/xmlschema-1/#Instance_Document_Constructions' },
});
export const UNKNOWN_MEP = defineRule({
  code: 'wsdl-unknown-mep',
  title: 'A WSDL 2.0 interface operation uses a message exchange pattern that is not one of the eight W3C patterns.',
  defaultSeverity: 'warning', appliesTo: ['wsdl20'],
  reference: { title: 'WSDL 2.0 Adjuncts §2 Predefined Message Exchange Patterns', url: `${WSDL20_ADJ}#meps` },
});
export const HTTP_METHOD_INVALID = defineRule({
  code: 'wsdl-http-method-invalid',
  title: 'A WSDL 2.0 HTTP binding method (whttp:method, whttp:methodDefault) is not a valid HTTP method.',
  defaultSeverity: 'warning', appliesTo: ['wsdl20'],
  reference: { title: 'WSDL 2.0 Adjuncts §6.4 HTTP method selection; RFC 9110 §9', url: `${WSDL20_ADJ}#http-binding` },
});
export const SOAP_BINDING_MISSING = defineRule({
  code: 'wsdl-soap-binding-missing',
  title: 'A binding uses SOAP operation/body elements but has no soap:binding (or soap12:binding) element, so tools do not treat it as a SOAP binding.',
  defaultSeverity: 'error', appliesTo: ['wsdl11'],
  reference: { title: 'WSDL 1.1 §3.3 soap:binding', url: `${WSDL11}#_soap-b` },
});
export const UNKNOWN_ATTRIBUTE = defineRule({
  code: 'wsdl-unknown-attribute',
  title: 'A WSDL element carries an unqualified attribute the WSDL schema does not define (extension attributes must be namespace-qualified).',
  defaultSeverity: 'warning', appliesTo: ['wsdl11', 'wsdl20'],
  reference: { title: 'WSDL 1.1 §2.1.3 Language Extensibility and Appendix A 4 (WSDL schema)', url: `${WSDL11}` },
});
export const MIME_ONE_SOAP_BODY = defineRule({
  code: 'wsdl-mime-one-soap-body',
  title: 'A mime:multipartRelated must have exactly one mime:part holding the soap:body (the root part of the SOAP message package).',
  defaultSeverity: 'error', appliesTo: ['wsdl11'],
  reference: { title: 'WSDL 1.1 §5.4 mime:multipartRelated; WS-I Attachments Profile 1.0 §4.4', url: `${WSDL11}` },
});
export const SCHEMA_INVALID_DERIVATION = defineRule({
  code: 'wsdl-schema-invalid-derivation',
  title: 'An xsd:simpleType restricts xsd:anyType or a complex type; a simple type can only derive from a simple type.',
  defaultSeverity: 'error', appliesTo: ['wsdl11', 'wsdl20'],
  reference: { title: 'XML Schema Part 1 §3.14.6 Derivation Valid (Restriction, Simple)', url: 'https://www.w3.org/TR/xmlschema-1/#cos-st-restricts' },
});
export const WSDL20_REF = `${WSDL20}#qnameres`;

// ---- WS-I Basic Profile -----------------------------------------------------------------------

export const R2001 = wsi('wsi-r2001-import-wsdl-only', 'A wsdl:import must import a WSDL document.', 'R2001');
export const R2002 = wsi('wsi-r2002-schema-via-xsd-import', 'XML Schema documents must be imported with xsd:import inside wsdl:types, not with wsdl:import.', 'R2002');
export const R2003 = wsi('wsi-r2003-xsd-import-in-schema', 'xsd:import may appear only inside an xsd:schema element of wsdl:types.', 'R2003');
export const R2004 = wsi('wsi-r2004-schema-import-target', 'xsd:import and xsd:include must point at an XML Schema document (root xsd:schema), not at a WSDL or another document.', 'R2004');
export const R2005 = wsi('wsi-r2005-import-namespace-match', 'The namespace attribute of wsdl:import must equal the targetNamespace of the imported WSDL.', 'R2005');
export const R2102 = wsi('wsi-r2102-schema-import-missing', 'A schema that refers to components of another namespace must xsd:import that namespace.', 'R2102');
export const R2305 = wsi('wsi-r2305-parameter-order', 'parameterOrder may omit at most one part of the output message (the return value).', 'R2305');
export const R4005 = wsi('wsi-r4005-no-xml-prefix-declaration', 'A description should not declare the xml prefix (xmlns:xml); it is bound by definition.', 'R4005', 'information');
export const SCHEMA_IMPORT_NAMESPACE = defineRule({
  code: 'wsdl-schema-import-namespace',
  title: 'xsd:import names a namespace other than the imported schema\'s targetNamespace, or xsd:include pulls in a schema of another namespace.',
  defaultSeverity: 'error', appliesTo: ['wsdl11', 'wsdl20'],
  reference: { title: 'XML Schema Part 1 §4.2.3 (src-import) and §4.2.1 (src-include)', url: 'https://www.w3.org/TR/xmlschema-1/#composition-schemaImport' },
});
export const R2007 = wsi('wsi-r2007-import-location', 'A wsdl:import must have a non-empty location attribute.', 'R2007');
export const R2803 = wsi('wsi-r2803-import-namespace-absolute', 'The namespace attribute of wsdl:import must be an absolute URI.', 'R2803');
export const R2022 = wsi('wsi-r2022-import-first', 'wsdl:import elements must precede all other elements of wsdl:definitions (except wsdl:documentation).', 'R2022');
export const R2023 = wsi('wsi-r2023-types-first', 'wsdl:types must precede all other elements of wsdl:definitions except wsdl:documentation and wsdl:import.', 'R2023');
export const R2026 = wsi('wsi-r2026-required-extension', 'An extension element marked wsdl:required="true" forces every consumer to understand it.', 'R2026', 'information');
export const R2105 = wsi('wsi-r2105-schema-target-namespace', 'Every xsd:schema in wsdl:types that declares components must have a targetNamespace.', 'R2105');
export const R2110 = wsi('wsi-r2110-no-soapenc-array', 'Array types must not extend or restrict soapenc:Array.', 'R2110');
export const R2111 = wsi('wsi-r2111-no-wsdl-arraytype', 'Declarations must not use the wsdl:arrayType attribute.', 'R2111');
export const R2112 = wsi('wsi-r2112-no-arrayof-names', 'Element names should not follow the ArrayOfXXX SOAP-encoding naming convention.', 'R2112', 'information');
export const R2201 = wsi('wsi-r2201-one-body-part', 'In a document-literal binding, soap:body must bind at most one part.', 'R2201');
export const R2210 = wsi('wsi-r2210-one-part-implied', 'In a document-literal binding, a soap:body without parts binds every part, so the message must have at most one part.', 'R2210');
export const R2203 = wsi('wsi-r2203-rpc-parts-by-type', 'In an rpc-literal binding, body parts must be declared with type=, not element=.', 'R2203');
export const R2204 = wsi('wsi-r2204-document-parts-by-element', 'In a document-literal binding, body parts must be declared with element=, not type=.', 'R2204');
export const R2205 = wsi('wsi-r2205-header-fault-parts-by-element', 'Parts bound to soap:header, soap:headerfault or soap:fault must be declared with element=.', 'R2205');
export const R2206 = wsi('wsi-r2206-part-element-global', 'part/@element must name a global element declaration, not a type.', 'R2206', 'error');
export const R2209 = wsi('wsi-r2209-unbound-part', 'Every part of a message used by a binding should be bound to soap:body, soap:header, soap:fault or soap:headerfault.', 'R2209', 'information');
export const R2303 = wsi('wsi-r2303-no-solicit-notification', 'Solicit-response and notification operations (output first or output only) are not interoperable.', 'R2303');
export const R2304 = wsi('wsi-r2304-unique-operation-names', 'Operation names must be unique within a portType (no overloading).', 'R2304');
export const R2306 = wsi('wsi-r2306-part-element-or-type', 'A message part must not have both element= and type=.', 'R2306');
export const R2401 = wsi('wsi-r2401-soap-binding', 'A binding should use the WSDL SOAP binding (SOAP 1.1 for Basic Profile 1.x, SOAP 1.2 for Basic Profile 2.0).', 'R2401', 'information');
export const R2701 = wsi('wsi-r2701-transport-missing', 'soap:binding must have a transport attribute.', 'R2701');
export const R2702 = wsi('wsi-r2702-http-transport', 'The SOAP binding transport must be HTTP (http://schemas.xmlsoap.org/soap/http).', 'R2702');
export const R2705 = wsi('wsi-r2705-one-style-per-binding', 'All operations of a binding must use the same style (all rpc or all document).', 'R2705');
export const R2706 = wsi('wsi-r2706-literal-only', 'soap:body, soap:header and soap:headerfault must use use="literal" (SOAP encoding is not interoperable).', 'R2706');
export const R2710 = wsi('wsi-r2710-unique-wire-signature', 'The operations of a binding must differ on the wire (document style: the body element of the input; rpc style: the operation name).', 'R2710');
export const R2711 = wsi('wsi-r2711-distinct-port-addresses', 'Two ports should not share the same endpoint address.', 'R2711', 'information');
export const R2716 = wsi('wsi-r2716-document-no-namespace', 'In a document-literal binding, soap:body, soap:header, soap:headerfault and soap:fault must not have a namespace attribute.', 'R2716');
export const R2717 = wsi('wsi-r2717-rpc-body-namespace', 'In an rpc-literal binding, soap:body must have a namespace attribute holding an absolute URI.', 'R2717');
export const R2718 = wsi('wsi-r2718-binding-operations-match', 'A binding must bind every operation of its portType.', 'R2718');
export const R2720 = wsi('wsi-r2720-header-part', 'soap:header and soap:headerfault must name the bound part with a part attribute.', 'R2720');
export const R2721 = wsi('wsi-r2721-fault-name', 'soap:fault must have a name attribute.', 'R2721');
export const R2723 = wsi('wsi-r2723-fault-literal', 'soap:fault must not use use="encoded".', 'R2723');
export const R2749 = wsi('wsi-r2749-header-no-parts', 'soap:header and soap:headerfault must not have a parts attribute (only soap:body has one; a header names its one part with part=).', 'R2749');
export const R2726 = wsi('wsi-r2726-rpc-no-header-namespace', 'In an rpc-literal binding, soap:header, soap:headerfault and soap:fault must not have a namespace attribute.', 'R2726');
export const R2754 = wsi('wsi-r2754-fault-name-match', 'soap:fault/@name must equal the name of the wsdl:fault it is in.', 'R2754');

// ---- WSDL 2.0 drafts ----------------------------------------------------------------------------

export const DRAFT_NAMESPACE = defineRule({
  code: 'wsdl-draft-namespace',
  title: 'The WSDL 2.0 description uses a pre-Recommendation (draft) namespace, which WSDL 2.0 processors reject.',
  defaultSeverity: 'warning', appliesTo: ['wsdl20'],
  reference: { title: 'WSDL 2.0 Part 1, W3C Recommendation 26 June 2007: namespace http://www.w3.org/ns/wsdl', url: WSDL20 },
});
