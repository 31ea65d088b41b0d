export type { Tile } from './basemaps/tile-archive';
export { UnknownBasemapError } from './basemaps/unknown-basemap-error';
export { createCore, CACHE_FILE_NAME, type Core, type CoreOptions } from './create-core';
export { systemClock, type Clock, type Log, type Secrets } from './ports';
export { createKeyFileSecrets } from './secrets/key-file-secrets';
export { UserFacingError } from './user-facing-error';
