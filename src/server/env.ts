/** What every route gets: the store, where files live, and the signed-in user once authenticated. */
import type { SessionUser } from '../core/entities';
import type { BlobStore } from './store/blobStore';
import { FolderBlobStore } from './store/blobs/folderBlobStore';
import type { Store } from './store/store';
import type { Metrics } from './metrics';
import { DEFAULT_PHOTO_LIMITS, type PhotoLimits } from './sync/photoLimits';
import { DEFAULT_SECURITY, type SecuritySettings } from './settings';

/** Dependencies handed to the app when it is built; tests pass their own. */
export type Deps = {
  /** The database, through the storage port (store/store.ts). */
  store: Store;
  /** Where photos are kept; the `blobs` folder in dataDir when left out. */
  blobs?: BlobStore;
  /** Folder for the database file and photo blobs (`EGNET_DATA_DIR`). */
  dataDir: string;
  /** The package version, reported by /api/health. */
  version: string;
  /** Folder with the built app (`dist/`); omitted in API-only tests. */
  staticDir?: string;
  /** Free space in dataDir below which /api/health answers 503 (default 100 MB). */
  minFreeBytes?: number;
  /** The clock; tests move it. */
  now: () => Date;
  /** The bearer token that opens GET /metrics (EGNET_METRICS_TOKEN); without one, /metrics does not exist. */
  metricsToken?: string;
  /** Photo quotas; what is left out takes DEFAULT_PHOTO_LIMITS. */
  photoLimits?: Partial<PhotoLimits>;
  /** Log-in limits, proxy trust and session lifetime; what is left out takes DEFAULT_SECURITY. */
  security?: Partial<SecuritySettings>;
};

/** The security settings in force for these dependencies. */
export function securityOf(deps: Deps): SecuritySettings {
  return { ...DEFAULT_SECURITY, ...deps.security };
}

const folderBlobs = new WeakMap<Deps, BlobStore>();

/** Where photos are kept: `deps.blobs`, or else the `blobs` folder of the data folder (one store per Deps). */
export function blobsOf(deps: Deps): BlobStore {
  if (deps.blobs) return deps.blobs;
  let blobs = folderBlobs.get(deps);
  if (!blobs) folderBlobs.set(deps, (blobs = new FolderBlobStore(deps.store, deps.dataDir)));
  return blobs;
}

/** The photo quotas in force for these dependencies. */
export function photoLimitsOf(deps: Deps): PhotoLimits {
  return { ...DEFAULT_PHOTO_LIMITS, ...deps.photoLimits };
}

/** Hono environment: `c.get('deps')` on every request, `c.get('user')` after `requireUser`. */
export type AppEnv = { Variables: { user: SessionUser; deps: Deps; requestId: string; metrics: Metrics } };
