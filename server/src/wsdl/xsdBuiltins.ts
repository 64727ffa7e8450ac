/**
 * The XML Schema built-in datatypes (XML Schema Part 2 §3: the primitive types of §3.2 and the derived types
 * of §3.3, plus the ur-types anyType and anySimpleType, and the four XML Schema 1.1 additions that share the
 * namespace). ONE list: model.resolve() (buildModel.ts) treats exactly these names in the XML Schema namespace
 * as built in, the unresolved-reference rule suggests from it, hover describes them, completion offers them.
 */
import type { Spec } from './semantics';

export interface XsdBuiltin {
  name: string;
  /** 'primitive' (§3.2), 'derived' (§3.3), 'ur' (anyType / anySimpleType), 'xsd11' (XML Schema 1.1 only). */
  category: 'primitive' | 'derived' | 'ur' | 'xsd11';
  /** The type it is derived from (derived and XSD 1.1 types). */
  base?: string;
  /** What its values are, in one phrase. */
  text: string;
  spec: Spec;
}

const P2 = 'https://www.w3.org/TR/xmlschema-2/';
const P2_11 = 'https://www.w3.org/TR/xmlschema11-2/';

// [name, section, text]
const PRIMITIVE: [string, string, string][] = [
  ['string', '3.2.1', 'any sequence of XML characters'],
  ['boolean', '3.2.2', 'true / false (also 1 / 0)'],
  ['decimal', '3.2.3', 'an arbitrary-precision decimal number such as -1.23 (no exponent)'],
  ['float', '3.2.4', 'an IEEE 754 32-bit floating-point number (also INF, -INF, NaN)'],
  ['double', '3.2.5', 'an IEEE 754 64-bit floating-point number (also INF, -INF, NaN)'],
  ['duration', '3.2.6', 'a length of time such as P1Y2M3DT10H30M'],
  ['dateTime', '3.2.7', 'a date and time such as 2024-05-01T13:20:00Z, the time zone optional'],
  ['time', '3.2.8', 'a time of day such as 13:20:00, the time zone optional'],
  ['date', '3.2.9', 'a calendar date such as 2024-05-01'],
  ['gYearMonth', '3.2.10', 'a year and month such as 2024-05'],
  ['gYear', '3.2.11', 'a year such as 2024'],
  ['gMonthDay', '3.2.12', 'a recurring day of a year such as --05-01'],
  ['gDay', '3.2.13', 'a recurring day of a month such as ---01'],
  ['gMonth', '3.2.14', 'a recurring month such as --05'],
  ['hexBinary', '3.2.15', 'binary data written as hexadecimal digits'],
  ['base64Binary', '3.2.16', 'binary data written in Base64 (MTOM can send it as an attachment instead)'],
  ['anyURI', '3.2.17', 'a URI reference (absolute or relative)'],
  ['QName', '3.2.18', 'a qualified name prefix:local, the prefix resolved by the namespaces in scope'],
  ['NOTATION', '3.2.19', 'a notation name (abstract: only types derived from it may be used)'],
];

// [name, section, base, text]
const DERIVED: [string, string, string, string][] = [
  ['normalizedString', '3.3.1', 'string', 'a string without carriage returns, line feeds or tabs'],
  ['token', '3.3.2', 'normalizedString', 'a string without leading, trailing or double spaces'],
  ['language', '3.3.3', 'token', 'a language tag such as en or de-CH (BCP 47)'],
  ['NMTOKEN', '3.3.4', 'token', 'an XML name token'],
  ['NMTOKENS', '3.3.5', 'NMTOKEN', 'a space-separated list of NMTOKENs'],
  ['Name', '3.3.6', 'token', 'an XML Name'],
  ['NCName', '3.3.7', 'Name', 'an XML name without a colon'],
  ['ID', '3.3.8', 'NCName', 'a document-unique identifier'],
  ['IDREF', '3.3.9', 'NCName', 'a reference to an ID in the same document'],
  ['IDREFS', '3.3.10', 'IDREF', 'a space-separated list of IDREFs'],
  ['ENTITY', '3.3.11', 'NCName', 'the name of an unparsed entity declared in a DTD'],
  ['ENTITIES', '3.3.12', 'ENTITY', 'a space-separated list of ENTITY names'],
  ['integer', '3.3.13', 'decimal', 'an integer of any size'],
  ['nonPositiveInteger', '3.3.14', 'integer', 'an integer ≤ 0'],
  ['negativeInteger', '3.3.15', 'nonPositiveInteger', 'an integer < 0'],
  ['long', '3.3.16', 'integer', 'a 64-bit signed integer'],
  ['int', '3.3.17', 'long', 'a 32-bit signed integer (-2147483648 to 2147483647)'],
  ['short', '3.3.18', 'int', 'a 16-bit signed integer (-32768 to 32767)'],
  ['byte', '3.3.19', 'short', 'an 8-bit signed integer (-128 to 127)'],
  ['nonNegativeInteger', '3.3.20', 'integer', 'an integer ≥ 0'],
  ['unsignedLong', '3.3.21', 'nonNegativeInteger', 'a 64-bit unsigned integer'],
  ['unsignedInt', '3.3.22', 'unsignedLong', 'a 32-bit unsigned integer'],
  ['unsignedShort', '3.3.23', 'unsignedInt', 'a 16-bit unsigned integer'],
  ['unsignedByte', '3.3.24', 'unsignedShort', 'an 8-bit unsigned integer (0 to 255)'],
  ['positiveInteger', '3.3.25', 'nonNegativeInteger', 'an integer > 0'],
];

const XSD11: [string, string, string][] = [
  ['anyAtomicType', 'anySimpleType', 'the base of every atomic type (XML Schema 1.1)'],
  ['dateTimeStamp', 'dateTime', 'a dateTime with a mandatory time zone (XML Schema 1.1)'],
  ['dayTimeDuration', 'duration', 'a duration in days, hours, minutes and seconds only (XML Schema 1.1)'],
  ['yearMonthDuration', 'duration', 'a duration in years and months only (XML Schema 1.1)'],
];

export const XSD_BUILTINS: ReadonlyMap<string, XsdBuiltin> = new Map<string, XsdBuiltin>([
  ['anyType', { name: 'anyType', category: 'ur', text: 'the ur-type: any content, any attributes (what an element without a type gets)', spec: { title: 'XML Schema Part 1 §3.4.7 anyType', url: 'https://www.w3.org/TR/xmlschema-1/#key-urType' } }],
  ['anySimpleType', { name: 'anySimpleType', category: 'ur', base: 'anyType', text: 'the base of every simple type: any character data, no constraint', spec: { title: 'XML Schema Part 2 §3 anySimpleType', url: `${P2}#dt-anySimpleType` } }],
  ...PRIMITIVE.map(([name, sec, text]): [string, XsdBuiltin] => [name, { name, category: 'primitive', base: 'anySimpleType', text, spec: { title: `XML Schema Part 2 §${sec} ${name}`, url: `${P2}#${name}` } }]),
  ...DERIVED.map(([name, sec, base, text]): [string, XsdBuiltin] => [name, { name, category: 'derived', base, text, spec: { title: `XML Schema Part 2 §${sec} ${name}`, url: `${P2}#${name}` } }]),
  ...XSD11.map(([name, base, text]): [string, XsdBuiltin] => [name, { name, category: 'xsd11', base, text, spec: { title: `XML Schema 1.1 Part 2 ${name}`, url: `${P2_11}#${name}` } }]),
]);

/** The built-in type of that local name in the XML Schema namespace, if there is one (names are case-sensitive). */
export function xsdBuiltin(local: string): XsdBuiltin | undefined {
  return XSD_BUILTINS.get(local);
}

/** One sentence for hovers: what the type is and where it comes from. */
export function xsdBuiltinText(b: XsdBuiltin): string {
  const kind = b.category === 'primitive' ? 'a primitive built-in datatype'
    : b.category === 'derived' ? `a built-in datatype derived from xsd:${b.base}`
      : b.category === 'xsd11' ? `an XML Schema 1.1 built-in datatype derived from xsd:${b.base} (XML Schema 1.0 processors, and so most SOAP toolkits, reject it)`
        : 'a built-in ur-type';
  return `${kind}: ${b.text}.`;
}
