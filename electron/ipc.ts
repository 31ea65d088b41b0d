import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_CHANNELS } from '../shared/channels';
import { fail, type Result } from '../shared/result';
import { AcknowledgementSchema, CallSchema } from '../shared/wire';
import type { Core } from './core';
import { createEventOutbox } from './hosting/event-outbox';

/**
 * The one generic relay between the renderer and the core's dispatcher: a
 * request channel and an event channel, whatever the method. Calls from any
 * frame but the app's own are refused.
 */
export function relayContract(options: {
  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  readonly dispatch: Core['dispatch'];
  readonly isTrustedFrameUrl: (url: string) => boolean;
}): () => void {
  options.ipcMain.handle(IPC_CHANNELS.request, async (event: IpcMainInvokeEvent, call: unknown): Promise<Result<unknown>> => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!options.isTrustedFrameUrl(frameUrl)) {
      return fail('bad-request', 'Only Outpost’s own window may call the core.');
    }
    const parsed = CallSchema.safeParse(call);
    if (!parsed.success) return fail('bad-request', 'The request was not a valid Outpost call.');
    return options.dispatch(parsed.data.method, parsed.data.args);
  });
  return () => options.ipcMain.removeHandler(IPC_CHANNELS.request);
}

/**
 * Sends core events to one window's renderer, paced by its acknowledgements
 * (see EventOutbox), until the window goes away.
 */
export function forwardEvents(options: {
  readonly core: Pick<Core, 'subscribe'>;
  readonly contents: Pick<WebContents, 'send' | 'isDestroyed'>;
  readonly ipcMain: Pick<IpcMain, 'on' | 'removeListener'>;
}): () => void {
  const { contents, ipcMain } = options;
  const outbox = createEventOutbox({
    send: (seq, event, payload) => {
      if (!contents.isDestroyed()) contents.send(IPC_CHANNELS.event, { seq, event, payload });
    },
  });
  const onAcknowledgement = (event: IpcMainEvent, seq: unknown): void => {
    const parsed = AcknowledgementSchema.safeParse(seq);
    if (event.sender === contents && parsed.success) outbox.acknowledge(parsed.data);
  };
  ipcMain.on(IPC_CHANNELS.ack, onAcknowledgement);
  const unsubscribe = options.core.subscribe((event, payload) => outbox.offer(event, payload));
  return () => {
    unsubscribe();
    ipcMain.removeListener(IPC_CHANNELS.ack, onAcknowledgement);
  };
}
