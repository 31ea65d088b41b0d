import { describe, expect, it } from 'vitest';
import {
  LAYER_IDS_BY_TOGGLE,
  layerVisibilityStorageKey,
  readLayerVisibility,
  writeLayerVisibility,
} from '../../renderer/map/filters/layer-visibility';
import { LABEL_LAYER, SELECTION_LAYER, TRACK_LAYER, trackLayers } from '../../renderer/map/track-layers';
import { TRAIL_LAYER } from '../../renderer/map/trails/trail-layer';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const values = new Map(Object.entries(initial));
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  };
}

describe('Given the layer toggles', () => {
  it('When nothing was remembered, Then every layer is shown', () => {
    expect(readLayerVisibility(memoryStorage())).toEqual({ symbols: true, labels: true, trails: true, selection: true });
  });

  it('When callsigns were hidden, Then that is remembered and read back, and the rest stay shown', () => {
    const storage = memoryStorage();
    writeLayerVisibility(storage, { symbols: true, labels: false, trails: true, selection: true });
    expect(storage.getItem(layerVisibilityStorageKey('labels'))).toBe('hidden');
    expect(readLayerVisibility(storage)).toEqual({ symbols: true, labels: false, trails: true, selection: true });
  });

  it('When a remembered value is unreadable, Then that layer is shown', () => {
    expect(readLayerVisibility(memoryStorage({ [layerVisibilityStorageKey('trails')]: 'maybe' })).trails).toBe(true);
  });

  it('When the toggles are mapped to layers, Then each track layer and the trails belong to exactly one toggle', () => {
    const toggled = Object.values(LAYER_IDS_BY_TOGGLE).flat();
    expect(new Set(toggled).size).toBe(toggled.length);
    expect([...toggled].sort()).toEqual([...trackLayers.map((layer) => layer.id), TRAIL_LAYER].sort());
    expect(LAYER_IDS_BY_TOGGLE.symbols).toContain(TRACK_LAYER);
    expect(LAYER_IDS_BY_TOGGLE.labels).toEqual([LABEL_LAYER]);
    expect(LAYER_IDS_BY_TOGGLE.selection).toEqual([SELECTION_LAYER]);
  });
});
