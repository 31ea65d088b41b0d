import { useMemo, useState } from 'react';
import { AFFILIATIONS, DIMENSIONS, type Affiliation, type Dimension } from '../../../shared/cot-type';
import type { Track } from '../../../shared/domain';
import { isTrackFilterActive, NO_TRACK_FILTER, type TrackFilter } from './track-filter';
import { PanelToggleButton } from '../tools/PanelToggleButton';

interface TrackFilterControlProps {
  readonly filter: TrackFilter;
  readonly onChange: (filter: TrackFilter) => void;
  /** The tracks present, whose topics are offered. */
  readonly tracks: readonly Track[];
}

const AFFILIATION_NAMES: Readonly<Record<Affiliation, string>> = { friend: 'Friend', hostile: 'Hostile', neutral: 'Neutral', unknown: 'Unknown' };
const DIMENSION_NAMES: Readonly<Record<Dimension, string>> = {
  ground: 'Ground',
  air: 'Air',
  'sea-surface': 'Sea surface',
  subsurface: 'Subsurface',
  space: 'Space',
  other: 'Other',
};

/** Narrows the map and the track list to the affiliations, dimensions, topics and CoT type the analyst picks. */
export function TrackFilterControl({ filter, onChange, tracks }: TrackFilterControlProps) {
  const [open, setOpen] = useState(false);
  const active = isTrackFilterActive(filter);
  // Only worth reading while the panel is open; a chosen topic stays listed after its tracks go, so it can be unticked.
  const topics = useMemo(() => (open ? [...new Set([...tracks.map((track) => track.topic), ...filter.topics])].sort() : []), [open, tracks, filter.topics]);

  return (
    <div className="track-filter-control">
      <PanelToggleButton
        label={active ? 'Filter on' : 'Filter'}
        iconPath="M3 4h18l-7 8v6l-4 2v-8z"
        open={open}
        onToggle={() => setOpen((wasOpen) => !wasOpen)}
        titles={{ closed: 'Show only some tracks, by affiliation, dimension, topic or type', open: 'Close the filter' }}
        testId="filter-button"
        highlighted={active}
      />
      {open ? (
        <div className="map-tool-panel track-filter-panel" data-testid="filter-panel">
          <p className="map-tool-hint">A group with nothing ticked lets every track through.</p>
          <ChoiceGroup
            legend="Affiliation"
            name="affiliation"
            choices={AFFILIATIONS}
            names={AFFILIATION_NAMES}
            chosen={filter.affiliations}
            onChange={(affiliations) => onChange({ ...filter, affiliations })}
          />
          <ChoiceGroup
            legend="Dimension"
            name="dimension"
            choices={DIMENSIONS}
            names={DIMENSION_NAMES}
            chosen={filter.dimensions}
            onChange={(dimensions) => onChange({ ...filter, dimensions })}
          />
          <ChoiceGroup
            legend="Topic"
            name="topic"
            choices={topics}
            names={Object.fromEntries(topics.map((topic) => [topic, topic]))}
            chosen={filter.topics}
            onChange={(chosenTopics) => onChange({ ...filter, topics: chosenTopics })}
          />
          <label className="track-filter-type">
            CoT type starts with
            <input
              type="text"
              value={filter.typePrefix}
              placeholder="a-h-A"
              spellCheck={false}
              data-testid="filter-type-prefix"
              onChange={(event) => onChange({ ...filter, typePrefix: event.target.value })}
            />
          </label>
          <button type="button" className="track-filter-clear" data-testid="filter-clear" disabled={!active} onClick={() => onChange(NO_TRACK_FILTER)}>
            Show all tracks
          </button>
        </div>
      ) : null}
    </div>
  );
}

interface ChoiceGroupProps<Choice extends string> {
  readonly legend: string;
  readonly name: string;
  readonly choices: readonly Choice[];
  readonly names: Readonly<Record<string, string>>;
  readonly chosen: readonly Choice[];
  readonly onChange: (chosen: Choice[]) => void;
}

function ChoiceGroup<Choice extends string>({ legend, name, choices, names, chosen, onChange }: ChoiceGroupProps<Choice>) {
  return (
    <fieldset className="track-filter-group">
      <legend>{legend}</legend>
      {choices.length === 0 ? <p className="map-tool-hint">No tracks have arrived yet.</p> : null}
      {choices.map((choice) => (
        <label key={choice}>
          <input
            type="checkbox"
            checked={chosen.includes(choice)}
            data-testid={`filter-${name}-${choice}`}
            onChange={(event) => onChange(event.target.checked ? [...chosen, choice] : chosen.filter((kept) => kept !== choice))}
          />
          {names[choice] ?? choice}
        </label>
      ))}
    </fieldset>
  );
}
