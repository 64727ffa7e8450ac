// Peer run for the benchmark: @apidevtools/swagger-parser validate on one file (from .bench-peers/).
// Prints BENCH_MS=<milliseconds spent in validate()> on stderr; the module load is not counted.
const path = require('path');
const SwaggerParser = require(path.join(__dirname, '..', '.bench-peers', 'node_modules', '@apidevtools', 'swagger-parser'));
const t0 = performance.now();
SwaggerParser.validate(process.argv[2]).then(
  () => { process.stderr.write(`BENCH_MS=${(performance.now() - t0).toFixed(1)} valid\n`); },
  (e) => { process.stderr.write(`BENCH_MS=${(performance.now() - t0).toFixed(1)} invalid: ${String(e.message).slice(0, 300)}\n`); process.exitCode = 1; },
);
