/**
 * Hand-built DocumentSummary values for analysis tests: the shape the dialects' summarize() fills,
 * with only the signals a test cares about spelled out.
 */
import type { DocumentSummary, OperationSummary } from '../../server/src/analysis/summary';
import type { DocumentKind } from '../../server/src/core/types';

let next = 0;

export function op(o: Partial<OperationSummary> & { name?: string }): OperationSummary {
  const start = (next += 10);
  return {
    name: o.name ?? `${o.method ?? 'POST'} ${o.path ?? '/'}`,
    uri: 'file:///doc', span: { start, end: start + 5 }, origin: 'operation',
    requestMediaTypes: [], responseMediaTypes: [], statusCodes: [], headerNames: [],
    hasRequestBody: false, hypermedia: false, bodyHints: [],
    protocols: [], formats: [], styles: [],
    ...o,
  };
}

export function http(method: string, path: string, extra: Partial<OperationSummary> = {}): OperationSummary {
  const m = method.toUpperCase();
  return op({
    method: m, path, name: extra.name ?? `${m} ${path}`,
    responseMediaTypes: ['application/json'],
    statusCodes: m === 'POST' ? ['201', '400'] : m === 'DELETE' ? ['204', '404'] : ['200', '404'],
    requestMediaTypes: ['POST', 'PUT', 'PATCH'].includes(m) ? ['application/json'] : [],
    hasRequestBody: ['POST', 'PUT', 'PATCH'].includes(m),
    ...extra,
  });
}

export function soap(name: string, version: '1.1' | '1.2', bindingStyle?: 'document' | 'rpc', use?: 'literal' | 'encoded', extra: Partial<OperationSummary> = {}): OperationSummary {
  return op({ name, soapVersion: version, bindingStyle, use, soapAction: `urn:${name}`, pattern: 'request-response', ...extra });
}

export function summary(kind: DocumentKind, operations: OperationSummary[], extra: Partial<DocumentSummary> = {}): DocumentSummary {
  const wsdl = kind === 'wsdl11' || kind === 'wsdl20';
  return {
    uri: 'file:///doc', kind, version: wsdl ? (kind === 'wsdl11' ? '1.1' : '2.0') : '3.0.3', title: 'Test',
    scope: wsdl ? 'web-service' : 'api',
    protocols: [], formats: [], styles: [], security: [], endpoints: [],
    operations,
    weight: { operations: operations.length, messages: 0, schemaTypes: 0, envelope: wsdl && operations.some((o) => o.soapVersion), bytes: 0 },
    clients: [], headline: '',
    ...extra,
  };
}

export function endpoint(url: string, extra: Partial<DocumentSummary['endpoints'][number]> = {}): DocumentSummary['endpoints'][number] {
  const scheme = /^([a-z]+):/i.exec(url)?.[1]?.toUpperCase() ?? 'relative';
  return { url, uri: 'file:///doc', span: { start: 0, end: 1 }, protocol: scheme, ...extra };
}
