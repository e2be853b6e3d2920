// Straight-line distances (haversine), the nearest point of each kind, and UTM grid coordinates to degrees.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EARTH_RADIUS_M, haversineM, nearestByKind, PointIndex, roundDistanceM } from '../../../../src/core/geo/nearest';
import { utmToLatLon } from '../../../../src/core/geo/utm';

describe('haversineM', () => {
  it('is zero for the same point and symmetric', () => {
    expect(haversineM({ lat: 63.29, lon: 10.28 }, { lat: 63.29, lon: 10.28 })).toBe(0);
    const a = { lat: 63.29, lon: 10.28 };
    const b = { lat: 63.3, lon: 10.3 };
    expect(haversineM(a, b)).toBeCloseTo(haversineM(b, a), 9);
  });

  it('gives a degree of latitude as 111.2 km and a degree of longitude at 60° as half that', () => {
    expect(haversineM({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo((Math.PI * EARTH_RADIUS_M) / 180, 3);
    expect(haversineM({ lat: 60, lon: 10 }, { lat: 60, lon: 11 }) / haversineM({ lat: 0, lon: 10 }, { lat: 0, lon: 11 })).toBeCloseTo(0.5, 3);
  });

  it('stays finite across the antimeridian and between antipodes', () => {
    expect(haversineM({ lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 })).toBeCloseTo((Math.PI * EARTH_RADIUS_M) / 180, 3);
    expect(haversineM({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 3);
  });

  it('gives Oslo S to Trondheim S as about 392 km', () => {
    expect(haversineM({ lat: 59.9111, lon: 10.7528 }, { lat: 63.4363, lon: 10.3994 }) / 1000).toBeCloseTo(392, 0);
  });
});

describe('PointIndex.nearest', () => {
  it('finds nothing among no points, and the one point among one', () => {
    expect(new PointIndex([]).nearest({ lat: 63, lon: 10 })).toBeNull();
    const only = { lat: 70, lon: 25, name: 'far' };
    expect(new PointIndex([only]).nearest({ lat: 63, lon: 10 })?.point).toBe(only);
  });

  it('finds the nearer point even when another has a closer latitude', () => {
    // At 63° north a degree of longitude is about 50 km: the point straight east is far, the one to the north near.
    const east = { lat: 63.29, lon: 11.28 };
    const north = { lat: 63.3, lon: 10.28 };
    expect(new PointIndex([east, north]).nearest({ lat: 63.29, lon: 10.28 })?.point).toBe(north);
  });

  it('agrees with a search of every point (random points around Melhus)', () => {
    const coord = fc.record({ lat: fc.double({ min: 63.1, max: 63.4, noNaN: true }), lon: fc.double({ min: 10.0, max: 10.5, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(coord, { minLength: 1, maxLength: 60 }), coord, (points, at) => {
        const found = new PointIndex(points).nearest(at)!;
        const best = Math.min(...points.map((p) => haversineM(at, p)));
        expect(found.distanceM).toBeCloseTo(best, 6);
      }),
      { numRuns: 300 },
    );
  });

  it('returns the nearest of each kind that has points', () => {
    const found = nearestByKind({ lat: 63.287, lon: 10.2867 }, [
      { kind: 'busStop', lat: 63.2905, lon: 10.2801, name: 'Gimse sentrum' },
      { kind: 'busStop', lat: 63.2, lon: 10.2, name: 'Lundamo' },
      { kind: 'school', lat: 63.3001, lon: 10.265, name: 'Gimse skole' },
    ]);
    expect([...found.keys()].sort()).toEqual(['busStop', 'school']);
    expect(found.get('busStop')?.point.name).toBe('Gimse sentrum');
    expect(roundDistanceM(found.get('busStop')!.distanceM)).toBe(510);
  });
});

describe('roundDistanceM', () => {
  it('rounds to 10 m below a kilometre and to 50 m from there', () => {
    expect([roundDistanceM(0), roundDistanceM(4), roundDistanceM(415), roundDistanceM(994), roundDistanceM(999), roundDistanceM(1024), roundDistanceM(1026)]).toEqual([
      0, 0, 420, 990, 1000, 1000, 1050,
    ]);
  });
});

describe('utmToLatLon', () => {
  it("puts a zone's central meridian at easting 500 000 and the equator at northing 0", () => {
    const p = utmToLatLon(33, 0, 500000);
    expect(p.lat).toBeCloseTo(0, 9);
    expect(p.lon).toBeCloseTo(15, 9);
    expect(utmToLatLon(32, 0, 500000).lon).toBeCloseTo(9, 9);
  });

  it('reads a point in Melhus in zone 33 (EPSG 25833) to within a metre', () => {
    const p = utmToLatLon(33, 7026253.04, 263765.1);
    expect(haversineM(p, { lat: 63.287, lon: 10.2867 })).toBeLessThan(1);
  });
});
