interface PanelToggleButtonProps {
  readonly label: string;
  /** An SVG path in a 24×24 box, drawn as an outline icon. */
  readonly iconPath: string;
  readonly open: boolean;
  readonly onToggle: () => void;
  /** What the button does while its panel is closed, and while it is open. */
  readonly titles: { readonly closed: string; readonly open: string };
  readonly testId: string;
  /** Marks the button when its panel is shaping the map, such as an active filter. */
  readonly highlighted?: boolean;
}

/** The map toolbar's button that opens and closes a control's panel. */
export function PanelToggleButton({ label, iconPath, open, onToggle, titles, testId, highlighted = false }: PanelToggleButtonProps) {
  return (
    <button
      type="button"
      className={highlighted ? 'map-tool-button filtering' : 'map-tool-button'}
      aria-expanded={open}
      data-testid={testId}
      title={open ? titles.open : titles.closed}
      onClick={onToggle}
    >
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
        <path d={iconPath} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      </svg>
      {label}
    </button>
  );
}
