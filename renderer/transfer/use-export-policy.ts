import { useEffect, useState } from 'react';
import type { ExportPolicy } from '../../shared/transfer';
import type { Client } from '../client';

/** Whether this site allows exporting, and the marking every file carries; null until read. */
export function useExportPolicy(client: Client): ExportPolicy | null {
  const [policy, setPolicy] = useState<ExportPolicy | null>(null);
  useEffect(() => {
    void client.call('export.policy', {}).then((answer) => {
      if (answer.ok) setPolicy(answer.value);
    });
  }, [client]);
  return policy;
}
