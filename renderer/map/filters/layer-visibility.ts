import { readStoredChoice, writeStoredChoice } from '../tools/use-stored-choice';
import { LABEL_LAYER, SELECTION_LAYER, trackLayers } from '../track-layers';
import { TRAIL_LAYER } from '../trails/trail-layer';

export const LAYER_TOGGLES = ['symbols', 'labels', 'trails', 'selection'] as const;
export type LayerToggle = (typeof LAYER_TOGGLES)[number];
export type LayerVisibility = Readonly<Record<LayerToggle, boolean>>;

export const LAYER_TOGGLE_NAMES: Readonly<Record<LayerToggle, string>> = {
  symbols: 'Track symbols',
  labels: 'Callsigns',
  trails: 'Trails',
  selection: 'Selection ring',
};

/** The symbols go with their heading arrows: every track layer that is not the halo or the callsigns. */
const symbolLayerIds = trackLayers.map((layer) => layer.id).filter((id) => id !== SELECTION_LAYER && id !== LABEL_LAYER);

export const LAYER_IDS_BY_TOGGLE: Readonly<Record<LayerToggle, readonly string[]>> = {
  symbols: symbolLayerIds,
  labels: [LABEL_LAYER],
  trails: [TRAIL_LAYER],
  selection: [SELECTION_LAYER],
};

const SHOWN = 'shown';
const HIDDEN = 'hidden';

export function layerVisibilityStorageKey(toggle: LayerToggle): string {
  return `outpost.layer.${toggle}`;
}

/** Every layer is shown until the analyst hides it. */
export function readLayerVisibility(storage: Storage | null): LayerVisibility {
  const read = (toggle: LayerToggle): boolean => readStoredChoice(storage, layerVisibilityStorageKey(toggle), [SHOWN, HIDDEN], SHOWN) === SHOWN;
  return { symbols: read('symbols'), labels: read('labels'), trails: read('trails'), selection: read('selection') };
}

export function writeLayerVisibility(storage: Storage | null, visibility: LayerVisibility): void {
  for (const toggle of LAYER_TOGGLES) writeStoredChoice(storage, layerVisibilityStorageKey(toggle), visibility[toggle] ? SHOWN : HIDDEN);
}
