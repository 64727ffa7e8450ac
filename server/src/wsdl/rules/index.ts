/**
 * Entry point of the WSDL rule set (structural checks and WS-I Basic Profile assertions), called by
 * wsdl/dialect.ts once the model is built. Findings are placed only in the analysed document; those
 * that have an unambiguous fix carry it in `data` (see wsdl/quickFixes.ts).
 */
import type { Finding } from '../../core/types';
import type { WsdlModel } from '../model';
import './catalog';
import { checkDescription } from './description';
import { checkReferences } from './references';
import { checkSoapBindings } from './soapBinding';
import { checkStructure } from './structure';
import { Collector } from './util';

/** `text` is the analysed document's text (quick fixes need indentation and attribute boundaries). */
export function runWsdlRules(model: WsdlModel, text?: string): Finding[] {
  const c = new Collector(model);
  const t = text ?? '';
  checkReferences(c);
  checkStructure(c, t);
  checkSoapBindings(c, t);
  checkDescription(c);
  return c.findings;
}
