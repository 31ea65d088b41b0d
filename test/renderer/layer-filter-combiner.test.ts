import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { combinedFilter } from '../../renderer/map/filters/combined-filter';
import { LayerFilterCombiner } from '../../renderer/map/filters/layer-filter-combiner';

const SELECTION: FilterSpecification = ['==', ['get', 'uid'], 'jet'];
const OTHER_SELECTION: FilterSpecification = ['==', ['get', 'uid'], 'boat'];
const HOSTILE: FilterSpecification = ['in', ['get', 'affiliation'], ['literal', ['hostile']]];

/** Just the part of a MapLibre map the combiner uses: layers and their filters. */
function fakeMap(filters: Record<string, FilterSpecification | undefined>): { map: MapLibreMap; filters: Map<string, FilterSpecification | undefined> } {
  const held = new Map(Object.entries(filters));
  const map = {
    getLayer: (id: string) => (held.has(id) ? { id } : undefined),
    getFilter: (id: string) => held.get(id),
    setFilter: (id: string, filter: FilterSpecification | null) => held.set(id, filter ?? undefined),
  } as unknown as MapLibreMap;
  return { map, filters: held };
}

describe('Given a layer filter and the analyst’s filter', () => {
  it('When both are present, Then both must hold', () => {
    expect(combinedFilter(SELECTION, HOSTILE)).toEqual(['all', SELECTION, HOSTILE]);
  });

  it('When either is absent, Then the other one alone applies', () => {
    expect(combinedFilter(undefined, HOSTILE)).toEqual(HOSTILE);
    expect(combinedFilter(SELECTION, null)).toEqual(SELECTION);
    expect(combinedFilter(undefined, null)).toBeUndefined();
  });
});

describe('Given track layers, one with a filter of its own', () => {
  it('When the analyst’s filter is applied, Then it is ANDed with the layer’s own filter, and clearing it restores the own filter', () => {
    const { map, filters } = fakeMap({ selection: SELECTION, tracks: undefined });
    const combiner = new LayerFilterCombiner(map, ['selection', 'tracks']);

    combiner.apply(HOSTILE);
    expect(filters.get('selection')).toEqual(['all', SELECTION, HOSTILE]);
    expect(filters.get('tracks')).toEqual(HOSTILE);

    combiner.apply(null);
    expect(filters.get('selection')).toEqual(SELECTION);
    expect(filters.get('tracks')).toBeUndefined();
  });

  it('When someone else replaces a layer’s filter, Then reconciling takes it as the layer’s own and narrows it again', () => {
    const { map, filters } = fakeMap({ selection: SELECTION });
    const combiner = new LayerFilterCombiner(map, ['selection']);
    combiner.apply(HOSTILE);

    map.setFilter('selection', OTHER_SELECTION);
    combiner.reconcile();
    expect(filters.get('selection')).toEqual(['all', OTHER_SELECTION, HOSTILE]);

    combiner.restore();
    expect(filters.get('selection')).toEqual(OTHER_SELECTION);
  });

  it('When a layer appears after the filter was applied, Then reconciling filters it too', () => {
    const { map, filters } = fakeMap({});
    const combiner = new LayerFilterCombiner(map, ['trails']);
    combiner.apply(HOSTILE);
    expect(filters.has('trails')).toBe(false);

    filters.set('trails', undefined);
    combiner.reconcile();
    expect(filters.get('trails')).toEqual(HOSTILE);
  });

  it('When someone sets a filter after the analyst’s, Then restoring leaves theirs alone', () => {
    const { map, filters } = fakeMap({ selection: SELECTION });
    const combiner = new LayerFilterCombiner(map, ['selection']);
    combiner.apply(HOSTILE);
    map.setFilter('selection', OTHER_SELECTION);

    combiner.restore();
    expect(filters.get('selection')).toEqual(OTHER_SELECTION);
  });
});
