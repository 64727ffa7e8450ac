/**
 * The XML syntax tree: elements and attributes with exact source spans. Produced by syntax/xmlParser.ts;
 * namespaces are resolved by syntax/xmlNamespaces.ts, not here (the tree is what was written).
 */
import type { Span } from '../core/text';

export interface XmlAttribute {
  /** Qualified name as written, e.g. "xmlns:tns" or "style". */
  name: string;
  nameSpan: Span;
  /** Value with entity/character references decoded. */
  value: string;
  /** Span of the value between the quotes (empty span right after the quote when the value is empty). */
  valueSpan: Span;
}

export interface XmlElement {
  /** Qualified name as written, e.g. "wsdl:definitions". */
  name: string;
  prefix: string;
  localName: string;
  /** From '<' to the end of the closing tag (or of the self-closing start tag). */
  span: Span;
  /** The name in the start tag. */
  nameSpan: Span;
  /** The name in the end tag, when there is one. */
  endNameSpan?: Span;
  /** From '<' to '>' of the start tag. */
  startTagSpan: Span;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** Concatenated text content directly inside this element (CDATA included), trimmed. */
  text: string;
  textSpan?: Span;
  parent?: XmlElement;
  /** In-scope namespace bindings declared on this element: prefix ('' = default) -> URI. */
  nsDecls?: Map<string, string>;
  /** Namespace URI of the element name, resolved by the parser ('' = no namespace; undefined = undeclared prefix). */
  ns?: string;
  /** Nesting depth (root = 0). */
  depth?: number;
}

export interface XmlComment { span: Span; text: string }

export interface XmlSyntaxError {
  message: string;
  span: Span;
  /** Machine-readable kind: 'xml-syntax' for malformed XML, 'xml-doctype' for refused DOCTYPE/entities. */
  code: string;
}

export interface XmlDocument {
  root?: XmlElement;
  comments: XmlComment[];
  errors: XmlSyntaxError[];
}
