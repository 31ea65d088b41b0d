import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS } from '../shared/channels';

/**
 * The bridge the renderer's transport uses. It exposes three functions and no
 * Electron object, so page script cannot reach ipcRenderer itself.
 */
contextBridge.exposeInMainWorld('outpostBridge', {
  call: (method: string, args: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_CHANNELS.request, { method, args }),
  onEvent: (listener: (message: unknown) => void): (() => void) => {
    const relay = (_event: IpcRendererEvent, message: unknown): void => listener(message);
    ipcRenderer.on(IPC_CHANNELS.event, relay);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.event, relay);
    };
  },
  acknowledge: (seq: number): void => ipcRenderer.send(IPC_CHANNELS.ack, seq),
});
