import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { combinedFilter } from './combined-filter';

interface LayerFilterState {
  /** The filter the layer had of its own, which the analyst's filter narrows but never replaces. */
  readonly own: FilterSpecification | undefined;
  /** What this combiner last put on the layer, to tell its own change from someone else's. */
  readonly applied: FilterSpecification | undefined;
}

/**
 * Narrows a few layers by the analyst's filter while the layers keep their own filters. Others
 * (MapView moving the selection halo, say) may set a layer's filter at any time: `reconcile`,
 * run on every style change, takes such a filter as the layer's own and narrows it again.
 */
export class LayerFilterCombiner {
  private readonly states = new Map<string, LayerFilterState>();
  private analyst: FilterSpecification | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly layerIds: readonly string[],
  ) {}

  apply(analyst: FilterSpecification | null): void {
    this.analyst = analyst;
    this.reconcile();
  }

  reconcile(): void {
    for (const id of this.layerIds) {
      if (this.map.getLayer(id) === undefined) {
        this.states.delete(id);
        continue;
      }
      const current = this.currentFilter(id);
      const known = this.states.get(id);
      const own = known !== undefined && sameFilter(current, known.applied) ? known.own : current;
      const wanted = combinedFilter(own, this.analyst);
      if (!sameFilter(current, wanted)) this.map.setFilter(id, wanted ?? null);
      this.states.set(id, { own, applied: wanted });
    }
  }

  /** Gives each layer back its own filter, unless someone has set another since. */
  restore(): void {
    for (const [id, { own, applied }] of this.states) {
      if (this.map.getLayer(id) !== undefined && sameFilter(this.currentFilter(id), applied)) this.map.setFilter(id, own ?? null);
    }
    this.states.clear();
  }

  private currentFilter(id: string): FilterSpecification | undefined {
    return this.map.getFilter(id) ?? undefined;
  }
}

function sameFilter(a: FilterSpecification | undefined, b: FilterSpecification | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
