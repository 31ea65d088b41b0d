import type { FilterSpecification } from 'maplibre-gl';

/**
 * A layer's own filter (the selection halo's uid, say) and the analyst's filter must both hold.
 * Either may be absent; with neither, the layer is unfiltered.
 */
export function combinedFilter(own: FilterSpecification | undefined, analyst: FilterSpecification | null): FilterSpecification | undefined {
  if (analyst === null) return own;
  if (own === undefined) return analyst;
  return ['all', own, analyst] as FilterSpecification;
}
