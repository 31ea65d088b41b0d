/** A tile was asked of a basemap id that names no added tile package, so the hosts answer 404. */
export class UnknownBasemapError extends Error {
  override readonly name = 'UnknownBasemapError';

  constructor(readonly basemapId: string) {
    super(`No tile package has the basemap id "${basemapId}".`);
  }
}
