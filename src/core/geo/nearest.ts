/** Straight-line distances between points on the earth, and the nearest point of each kind to a dwelling. */

/** A position in degrees (WGS 84). */
export type LatLon = { lat: number; lon: number };

/** Mean earth radius in metres (IUGG), the usual sphere for haversine distances. */
export const EARTH_RADIUS_M = 6371008.8;

const RAD = Math.PI / 180;

/** Great-circle distance in metres between two points (haversine; within 0.5 % of the ellipsoid everywhere). */
export function haversineM(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  // min() keeps rounding from pushing asin past 1 for antipodal points.
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A point with a name, as nearest() returns it with its distance. */
export type Found<P> = { point: P; distanceM: number };

/**
 * Points of one kind sorted by latitude, so the nearest to a position is found by looking only at the band of
 * latitudes that could beat the best distance so far (a few dozen points instead of all of them).
 */
export class PointIndex<P extends LatLon> {
  private readonly points: P[];
  private readonly lats: Float64Array;

  constructor(points: readonly P[]) {
    this.points = [...points].filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon)).sort((a, b) => a.lat - b.lat);
    this.lats = Float64Array.from(this.points, (p) => p.lat);
  }

  get size(): number {
    return this.points.length;
  }

  /** The nearest point to `at` and its distance in metres; null when the index is empty. Ties go to the first sorted. */
  nearest(at: LatLon): Found<P> | null {
    const n = this.points.length;
    if (n === 0) return null;
    // First index with latitude >= at.lat.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lats[mid]! < at.lat) lo = mid + 1;
      else hi = mid;
    }
    let best: P | null = null;
    let bestM = Infinity;
    // A degree of latitude is at least 110.5 km anywhere; a point further away in latitude alone cannot be nearer.
    const metresPerDegree = 110_500;
    let up = lo;
    let down = lo - 1;
    while (up < n || down >= 0) {
      if (up < n) {
        if ((this.lats[up]! - at.lat) * metresPerDegree > bestM) up = n;
        else {
          const d = haversineM(at, this.points[up]!);
          if (d < bestM) {
            bestM = d;
            best = this.points[up]!;
          }
          up++;
        }
      }
      if (down >= 0) {
        if ((at.lat - this.lats[down]!) * metresPerDegree > bestM) down = -1;
        else {
          const d = haversineM(at, this.points[down]!);
          if (d < bestM) {
            bestM = d;
            best = this.points[down]!;
          }
          down--;
        }
      }
    }
    return best ? { point: best, distanceM: bestM } : null;
  }
}

/** The nearest point of every kind that has points, by kind. */
export function nearestByKind<K extends string, P extends LatLon & { kind: K }>(at: LatLon, points: readonly P[]): Map<K, Found<P>> {
  return nearestFinder<K, P>(points)(at);
}

/** Builds the indexes once, for finding the nearest of every kind to many positions. */
export function nearestFinder<K extends string, P extends LatLon & { kind: K }>(points: readonly P[]): (at: LatLon) => Map<K, Found<P>> {
  const byKind = new Map<K, P[]>();
  for (const p of points) {
    const list = byKind.get(p.kind);
    if (list) list.push(p);
    else byKind.set(p.kind, [p]);
  }
  const indexes = [...byKind].map(([kind, list]) => [kind, new PointIndex(list)] as const);
  return (at) => {
    const out = new Map<K, Found<P>>();
    for (const [kind, index] of indexes) {
      const found = index.nearest(at);
      if (found) out.set(kind, found);
    }
    return out;
  };
}

/** A distance as the checklist proposes it: rounded to 10 m below 1 km and to 50 m above ("ca. 420 m"). */
export function roundDistanceM(m: number): number {
  return m < 1000 ? Math.round(m / 10) * 10 : Math.round(m / 50) * 50;
}
