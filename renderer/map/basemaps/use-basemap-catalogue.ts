import { useCallback, useEffect, useState } from 'react';
import type { Basemap } from '../../../shared/basemaps';
import { ok, type Result } from '../../../shared/result';
import type { Client } from '../../client';
import { bundledFirst } from './basemap-choice';

export interface BasemapCatalogue {
  /** Natural Earth first; null until the core has answered. */
  readonly basemaps: readonly Basemap[] | null;
  /** The core's sentence when the list could not be read, else null. */
  readonly listProblem: string | null;
  /** Adds the package at an absolute path; answers the core's sentence when it refuses the file, else null. */
  add(path: string): Promise<string | null>;
  /** Removes an added package; answers the core's sentence when it could not, else null. */
  remove(id: string): Promise<string | null>;
  /**
   * Asks the analyst for a package in the host's file dialog and answers its path, or null when they
   * cancel. Null itself until the host has said it has a file dialog: the web host's browser has none.
   */
  readonly choosePackage: (() => Promise<Result<string | null>>) | null;
}

/** The basemaps the core knows, kept in step with each package added or removed here. */
export function useBasemapCatalogue(client: Client): BasemapCatalogue {
  const [basemaps, setBasemaps] = useState<readonly Basemap[] | null>(null);
  const [listProblem, setListProblem] = useState<string | null>(null);
  const [hostHasFileDialog, setHostHasFileDialog] = useState(false);

  const takeList = useCallback((listed: Result<Basemap[]>) => {
    if (listed.ok) {
      setBasemaps(bundledFirst(listed.value));
      setListProblem(null);
    } else {
      setListProblem(listed.error.message);
    }
  }, []);

  const refresh = useCallback(async () => takeList(await client.call('basemaps.list', {})), [client, takeList]);

  useEffect(() => {
    void client.call('basemaps.list', {}).then(takeList);
  }, [client, takeList]);

  useEffect(() => {
    void client.call('host.capabilities', {}).then((capabilities) => setHostHasFileDialog(capabilities.ok && capabilities.value.fileDialog));
  }, [client]);

  const add = useCallback(
    async (path: string) => {
      const added = await client.call('basemaps.add', { path });
      if (!added.ok) return added.error.message;
      await refresh();
      return null;
    },
    [client, refresh],
  );

  const remove = useCallback(
    async (id: string) => {
      const removed = await client.call('basemaps.remove', { id });
      if (!removed.ok) return removed.error.message;
      await refresh();
      return null;
    },
    [client, refresh],
  );

  const choosePackage = useCallback(async (): Promise<Result<string | null>> => {
    const chosen = await client.call('files.chooseTilePackage', {});
    return chosen.ok ? ok(chosen.value.path) : chosen;
  }, [client]);

  return { basemaps, listProblem, add, remove, choosePackage: hostHasFileDialog ? choosePackage : null };
}
