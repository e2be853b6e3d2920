/** ETRS89 / UTM grid coordinates (EPSG 25832, 25833, 25835, as the cadastre exports them) to latitude and longitude. */

// GRS 80, the ellipsoid of ETRS89; WGS 84 differs from it by well under a metre, less than an address point's accuracy.
const A = 6378137;
const F = 1 / 298.257222101;
const K0 = 0.9996;
const E2 = F * (2 - F);
const EP2 = E2 / (1 - E2);

/** The UTM zones Norway's cadastre exports in, by EPSG code. */
export const UTM_ZONES: Readonly<Record<number, number>> = { 25832: 32, 25833: 33, 25835: 35 };

/** Latitude and longitude in degrees of a northern-hemisphere UTM point (Snyder, Map Projections, eq. 8-18 ff.). */
export function utmToLatLon(zone: number, north: number, east: number): { lat: number; lon: number } {
  const x = east - 500000;
  const m = north / K0;
  const mu = m / (A * (1 - E2 / 4 - (3 * E2 * E2) / 64 - (5 * E2 * E2 * E2) / 256));
  const e1 = (1 - Math.sqrt(1 - E2)) / (1 + Math.sqrt(1 - E2));
  const phi1 =
    mu +
    ((3 * e1) / 2 - (27 * e1 ** 3) / 32) * Math.sin(2 * mu) +
    ((21 * e1 ** 2) / 16 - (55 * e1 ** 4) / 32) * Math.sin(4 * mu) +
    ((151 * e1 ** 3) / 96) * Math.sin(6 * mu) +
    ((1097 * e1 ** 4) / 512) * Math.sin(8 * mu);
  const sin1 = Math.sin(phi1);
  const cos1 = Math.cos(phi1);
  const tan1 = Math.tan(phi1);
  const n1 = A / Math.sqrt(1 - E2 * sin1 * sin1);
  const t1 = tan1 * tan1;
  const c1 = EP2 * cos1 * cos1;
  const r1 = (A * (1 - E2)) / (1 - E2 * sin1 * sin1) ** 1.5;
  const d = x / (n1 * K0);
  const lat =
    phi1 -
    ((n1 * tan1) / r1) *
      ((d * d) / 2 -
        ((5 + 3 * t1 + 10 * c1 - 4 * c1 * c1 - 9 * EP2) * d ** 4) / 24 +
        ((61 + 90 * t1 + 298 * c1 + 45 * t1 * t1 - 252 * EP2 - 3 * c1 * c1) * d ** 6) / 720);
  const lon =
    (d - ((1 + 2 * t1 + c1) * d ** 3) / 6 + ((5 - 2 * c1 + 28 * t1 - 3 * c1 * c1 + 8 * EP2 + 24 * t1 * t1) * d ** 5) / 120) / cos1;
  const lon0 = ((zone - 1) * 6 - 180 + 3) * (Math.PI / 180);
  return { lat: (lat * 180) / Math.PI, lon: ((lon0 + lon) * 180) / Math.PI };
}
