import { bannerColours, BANNER_COLOURS } from '../../shared/marking';

interface ClassificationBannerProps {
  /** Null until the site's marking is read: the strip holds its place, so the view does not move when it arrives. */
  readonly marking: string | null;
  readonly edge: 'top' | 'bottom';
}

/** The site's marking across one edge of the view, in its level's colours. */
export function ClassificationBanner({ marking, edge }: ClassificationBannerProps) {
  const colours = marking === null ? BANNER_COLOURS.other : bannerColours(marking);
  return (
    <div
      className={`classification-banner classification-banner-${edge}`}
      role="region"
      aria-label={marking === null ? 'Classification: not yet known' : `Classification: ${marking}`}
      data-testid={`classification-banner-${edge}`}
      style={{ background: colours.background, color: colours.text }}
    >
      {marking}
    </div>
  );
}
