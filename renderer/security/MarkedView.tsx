import type { ReactNode } from 'react';
import type { Client } from '../client';
import { ClassificationBanner } from './ClassificationBanner';
import { ConsentGate } from './ConsentGate';
import { useMarkings } from './use-markings';
import './security.css';

interface MarkedViewProps {
  readonly client: Client;
  readonly children: ReactNode;
}

/**
 * The site's marking above and below everything else, and its consent notice in front of it. The
 * banners take their own rows, so the view between them shrinks rather than slides under them.
 */
export function MarkedView({ client, children }: MarkedViewProps) {
  const markings = useMarkings(client);
  const marking = markings.kind === 'read' ? markings.markings.marking : null;
  return (
    <div className="marked-view">
      <ClassificationBanner marking={marking} edge="top" />
      <ConsentGate markings={markings}>{children}</ConsentGate>
      <ClassificationBanner marking={marking} edge="bottom" />
    </div>
  );
}
