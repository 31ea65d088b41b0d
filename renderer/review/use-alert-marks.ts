import { useEffect, useState } from 'react';
import { MAX_ALERT_MARKS, type AlertMark, type ReviewRange } from '../../shared/review';
import type { Client } from '../client';

/** The alerts raised over the span review covers, read again whenever the span changes. */
export function useAlertMarks(client: Client, range: ReviewRange, reviewing: boolean): readonly AlertMark[] {
  const [marks, setMarks] = useState<readonly AlertMark[]>([]);
  const from = range?.from ?? null;
  const to = range?.to ?? null;
  useEffect(() => {
    if (!reviewing || from === null || to === null) return;
    let current = true;
    void client.call('review.alertMarks', { from, to, limit: MAX_ALERT_MARKS }).then((answer) => {
      // Marks are a guide, not the record: without them the timeline still works.
      if (current && answer.ok) setMarks(answer.value);
    });
    return () => {
      current = false;
    };
  }, [client, from, to, reviewing]);
  return marks;
}
