import { useEffect, useState } from 'react';
import type { Client } from '../client';

/** Whether this host has the operating system's file dialogs: false until it says so, and where it cannot be asked. */
export function useHostFileDialog(client: Client): boolean {
  const [fileDialog, setFileDialog] = useState(false);
  useEffect(() => {
    let current = true;
    void client.call('host.capabilities', {}).then((capabilities) => {
      if (current) setFileDialog(capabilities.ok && capabilities.value.fileDialog);
    });
    return () => {
      current = false;
    };
  }, [client]);
  return fileDialog;
}
