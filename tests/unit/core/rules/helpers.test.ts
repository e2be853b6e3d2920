// Risk bands, SSB crowding, the escape-window test and bedrooms needed, each at its boundaries.
import { describe, expect, it } from 'vitest';
import { bedroomsNeeded } from '../../../../src/core/rules/bedroomsNeeded';
import { escapeWindowOk } from '../../../../src/core/rules/escapeWindowOk';
import { isCrowded } from '../../../../src/core/rules/isCrowded';
import { riskBand, riskScore } from '../../../../src/core/rules/risk';

describe('risk', () => {
  it.each([
    [1, 1, 1, 'green'],
    [2, 2, 4, 'green'],
    [1, 5, 5, 'yellow'],
    [3, 3, 9, 'yellow'],
    [2, 5, 10, 'red'],
    [5, 5, 25, 'red'],
  ] as const)('%i × %i = %i is %s', (likelihood, consequence, score, band) => {
    expect(riskScore({ likelihood, consequence })).toBe(score);
    expect(riskBand(score)).toBe(band);
  });
});

describe('isCrowded (SSB: more persons than rooms AND under 20 m² per person)', () => {
  it.each([
    [4, 3, 79, true],
    [4, 3, 80, false],
    [4, 4, 40, false],
    [5, 4, 60, true],
    [1, 1, 10, false],
    [0, 1, 10, false],
  ])('%i persons, %i rooms, %i m² → %s', (persons, rooms, area, crowded) => {
    expect(isCrowded(persons, rooms, area)).toBe(crowded);
  });
});

describe('escapeWindowOk', () => {
  const ok = { widthM: 0.6, heightM: 0.9, sillHeightM: 1.0, dropToGroundM: 5 };
  it.each([
    ['the limits exactly', ok, true],
    ['width 0.5, height 1.0', { ...ok, widthM: 0.5, heightM: 1.0 }, true],
    ['width 0.49', { ...ok, widthM: 0.49, heightM: 1.2 }, false],
    ['height 0.6', { ...ok, widthM: 0.9, heightM: 0.6 }, true],
    ['height 0.59', { ...ok, widthM: 1.0, heightM: 0.59 }, false],
    ['sum 1.49', { ...ok, widthM: 0.7, heightM: 0.79 }, false],
    ['sill 1.01', { ...ok, sillHeightM: 1.01 }, false],
    ['drop 5.01', { ...ok, dropToGroundM: 5.01 }, false],
  ])('%s → %s', (_, window, expected) => {
    expect(escapeWindowOk(window)).toBe(expected);
  });
});

describe('bedroomsNeeded: one for the adults, one per two children, one per adult beyond a couple', () => {
  it.each([
    [1, 0, 1],
    [2, 0, 1],
    [2, 1, 2],
    [2, 2, 2],
    [2, 3, 3],
    [1, 4, 3],
    [3, 0, 2],
    [2, 5, 4],
  ])('%i adults, %i children → %i', (adults, children, needed) => {
    expect(bedroomsNeeded(adults, children)).toBe(needed);
  });
});
