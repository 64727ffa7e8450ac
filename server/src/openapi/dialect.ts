/** The OpenAPI dialect (stub until the OpenAPI model lands). */
import type { Analysed, Dialect } from '../service/dialect';

export const openApiDialect: Dialect<Analysed> = {
  name: 'openapi',
  analyse(source) {
    return { source, findings: [], dependencies: [] };
  },
  hover(ctx) {
    const k = ctx.doc.source.kind;
    return { markdown: `**${k.kind === 'swagger2' ? 'Swagger' : 'OpenAPI'} ${k.version}** API description` };
  },
};
