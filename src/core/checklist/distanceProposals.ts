/**
 * Distances the neighbourhood checklist proposes: for a dwelling with a position, the nearest place of each kind and
 * its straight-line distance. A proposal is never an answer: the inspector accepts it or writes the walking distance,
 * and the rules read only what the inspector answered.
 */
import { nearestFinder, roundDistanceM, type LatLon } from '../geo/nearest';
import { distanceItemId, type Poi, type PoiKind } from '../schemas/poi';

/** One proposal: the place, its kind, and the straight-line distance rounded as the checklist shows it. */
export type DistanceProposal = { kind: PoiKind; name: string; distanceM: number };

/** Proposals by checklist item id (`distances.<kind>M`), for every kind that has places. */
export function distanceProposals(at: LatLon | null | undefined, places: readonly Poi[]): Record<string, DistanceProposal> {
  if (!at || places.length === 0) return {};
  const out: Record<string, DistanceProposal> = {};
  for (const [kind, found] of nearestFinder<PoiKind, Poi>(places)(at)) {
    out[distanceItemId(kind)] = { kind, name: found.point.name, distanceM: roundDistanceM(found.distanceM) };
  }
  return out;
}
