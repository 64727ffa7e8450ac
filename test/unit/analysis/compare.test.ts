/** Pairing operations of two descriptions of the same service by normalised name. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { compareSummaries } from '../../../server/src/analysis/compare';
import { normaliseName } from '../../../server/src/analysis/pathVerbs';
import { http, soap, summary } from '../../support/summaries';

test('names normalise across conventions', () => {
  assert.equal(normaliseName('GetWeather'), 'getweather');
  assert.equal(normaliseName('getWeather'), 'getweather');
  assert.equal(normaliseName('get_weather'), 'getweather');
  assert.equal(normaliseName('get-weather'), 'getweather');
  assert.equal(normaliseName('opCheckAvailability'), 'checkavailability');
});

test('WSDL operations (bound twice) pair with OpenAPI operations; unmatched ones are listed per side', () => {
  const wsdl = summary('wsdl11', [soap('GetWeather', '1.1'), soap('GetForecast', '1.1'), soap('GetWeather', '1.2'), soap('Ping', '1.1')]);
  const oas = summary('oas30', [
    http('GET', '/weather/{city}', { name: 'get_weather' }),
    http('GET', '/forecast/{city}'),
    http('GET', '/health', { name: 'health' }),
  ]);
  const c = compareSummaries(wsdl, oas);
  assert.deepEqual(c.pairs.map((p) => [p.key, p.left, p.right]), [
    ['getweather', [0, 2], [0]],
    ['getforecast', [1], [1]],
    ['ping', [3], []],
    ['health', [], [2]],
  ]);
});
