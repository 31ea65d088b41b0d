import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { tabIndexAfterKey } from './tab-keys';

export interface SidePanelTab<Id extends string> {
  readonly id: Id;
  readonly label: string;
  /** Drawn after the label, such as a count of what is new in the tab. */
  readonly badge?: ReactNode;
  readonly content: ReactNode;
}

interface SidePanelProps<Id extends string> {
  readonly tabs: readonly SidePanelTab<Id>[];
  readonly selected: Id;
  readonly onSelect: (id: Id) => void;
}

/**
 * The right-hand panel, one tab at a time. Hidden tabs stay mounted so a half-typed filter or
 * form survives a look at the other tab.
 */
export function SidePanel<Id extends string>({ tabs, selected, onSelect }: SidePanelProps<Id>) {
  const buttons = useRef(new Map<Id, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const next = tabs[tabIndexAfterKey(event.key, tabs.findIndex((tab) => tab.id === selected), tabs.length) ?? -1];
    if (next === undefined) return;
    event.preventDefault();
    onSelect(next.id);
    buttons.current.get(next.id)?.focus();
  };

  return (
    <div className="side-panel">
      <div className="side-tabs" role="tablist" aria-label="Side panel" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element === null) buttons.current.delete(tab.id);
              else buttons.current.set(tab.id, element);
            }}
            type="button"
            role="tab"
            id={`side-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`side-tabpanel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            data-testid={`${tab.id}-tab`}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
            {tab.badge}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          className="side-tabpanel"
          role="tabpanel"
          id={`side-tabpanel-${tab.id}`}
          aria-labelledby={`side-tab-${tab.id}`}
          hidden={tab.id !== selected}
        >
          {tab.content}
        </div>
      ))}
    </div>
  );
}
