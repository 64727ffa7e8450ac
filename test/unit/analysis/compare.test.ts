/** Pairing operations of two descriptions of the same service by normalised name. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { compareSummaries, semanticKey } from '../../../server/src/analysis/compare';
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

test('names that differ pair by what is done to what: opCheckAvailability ~ GET /availability/{date}', () => {
  const wsdl = summary('wsdl20', [soap('opCheckAvailability', '1.2'), soap('CancelBooking', '1.2'), soap('AddRooms', '1.2')]);
  const oas = summary('oas30', [http('GET', '/availability/{checkInDate}'), http('DELETE', '/bookings/{id}'), http('POST', '/rooms'), http('DELETE', '/rooms/{id}')]);
  assert.equal(semanticKey(wsdl.operations[0]), 'read:availability');
  assert.equal(semanticKey(oas.operations[2]), 'create:room');
  const c = compareSummaries(wsdl, oas);
  const names = c.pairs.map((p) => [p.left.map((i) => wsdl.operations[i].name), p.right.map((i) => oas.operations[i].name)]);
  assert.deepEqual(names, [
    [['opCheckAvailability'], ['GET /availability/{checkInDate}']],
    [['AddRooms'], ['POST /rooms']],
    [['CancelBooking'], []],
    [[], ['DELETE /bookings/{id}']],
    [[], ['DELETE /rooms/{id}']],
  ]);
});

test('one operation bound twice (SOAP and HTTP) stays in one row when only one binding pairs', () => {
  const wsdl = summary('wsdl20', [soap('opCheckAvailability', '1.2'), http('GET', 'availability/{checkInDate}', { name: 'opCheckAvailability' })]);
  const oas = summary('oas31', [http('GET', '/availability/{checkInDate}', { name: 'getAvailability' })]);
  const c = compareSummaries(wsdl, oas);
  assert.deepEqual(c.pairs.map((p) => [p.left, p.right]), [[[0, 1], [0]]]);
});
