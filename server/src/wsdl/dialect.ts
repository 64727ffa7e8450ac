/** The WSDL dialect (stub until the WSDL model lands). */
import type { Analysed, Dialect } from '../service/dialect';

export const wsdlDialect: Dialect<Analysed> = {
  name: 'wsdl',
  analyse(source) {
    return { source, findings: [], dependencies: [] };
  },
  hover(ctx) {
    const k = ctx.doc.source.kind;
    return { markdown: `**WSDL ${k.version}** web service description` };
  },
};
