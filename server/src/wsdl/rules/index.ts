/**
 * Entry point of the WSDL rule set (structural checks and WS-I Basic Profile assertions), called by
 * wsdl/dialect.ts once the model is built. Findings are placed only in the analysed document; those
 * that have an unambiguous fix carry it in `data` (see wsdl/quickFixes.ts).
 */
import type { Finding } from '../../core/types';
import type { WsdlModel } from '../model';
import './catalog';
import { checkDescription } from './description';
import { checkDraftNamespace } from './draft';
import { checkHygiene } from './hygiene';
import { checkReferences } from './references';
import { checkSoapBindings } from './soapBinding';
import { checkStructure } from './structure';
import { Collector } from './util';

export function runWsdlRules(model: WsdlModel): Finding[] {
  const c = new Collector(model);
  checkReferences(c);
  checkStructure(c);
  checkSoapBindings(c);
  checkDescription(c);
  checkHygiene(c);
  checkDraftNamespace(c);
  return c.findings;
}
