export type { Tile } from './basemaps/tile-archive';
export { UnknownBasemapError } from './basemaps/unknown-basemap-error';
export { createCore, CACHE_FILE_NAME, type Core, type CoreOptions } from './create-core';
export { systemClock, type Clock, type Log, type Secrets } from './ports';
export { createSealedSecrets } from './secrets/sealed-secrets';
export { openSession, type Session } from './session/session-gate';
export type { HostKeychain } from './vault/host-keychain';
export { UserFacingError } from './user-facing-error';
