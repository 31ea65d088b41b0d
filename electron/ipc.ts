import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { IPC_CHANNELS } from '../shared/channels';
import { fail, type Result } from '../shared/result';
import { AcknowledgementSchema, CallSchema } from '../shared/wire';
import type { Core } from './core';
import type { Log } from './core/ports';
import { createEventOutbox } from './hosting/event-outbox';

/**
 * The one generic relay between the renderer and the core's dispatcher: a
 * request channel and an event channel, whatever the method. Only the
 * top-level frame of the app's own page may call; a sub-frame, a frame that
 * is gone, or any other page is refused and the refusal logged.
 */
export function relayContract(options: {
  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  readonly dispatch: Core['dispatch'];
  readonly isTrustedFrameUrl: (url: string) => boolean;
  readonly log: Log;
}): () => void {
  options.ipcMain.handle(IPC_CHANNELS.request, async (event: IpcMainInvokeEvent, call: unknown): Promise<Result<unknown>> => {
    const refusal = frameRefusal(event.senderFrame, options.isTrustedFrameUrl);
    if (refusal !== null) {
      options.log.warn('Refused a call to the core from outside Outpost’s own window.', refusal);
      return fail('bad-request', 'Only Outpost’s own window may call the core.');
    }
    const parsed = CallSchema.safeParse(call);
    if (!parsed.success) return fail('bad-request', 'The request was not a valid Outpost call.');
    return options.dispatch(parsed.data.method, parsed.data.args);
  });
  return () => options.ipcMain.removeHandler(IPC_CHANNELS.request);
}

/** Why a frame may not call, as plain log fields, or null when it is the app's own top-level frame. */
function frameRefusal(
  frame: Pick<WebFrameMain, 'isDestroyed' | 'detached' | 'parent' | 'url'> | null,
  isTrustedFrameUrl: (url: string) => boolean,
): { readonly reason: string; readonly frameUrl?: string } | null {
  // A destroyed frame throws on every property read, so nothing else is asked of it.
  if (frame === null || frame.isDestroyed()) return { reason: 'frame-gone' };
  if (frame.detached) return { reason: 'frame-detached', frameUrl: frame.url };
  if (frame.parent !== null) return { reason: 'sub-frame', frameUrl: frame.url };
  if (!isTrustedFrameUrl(frame.url)) return { reason: 'untrusted-url', frameUrl: frame.url };
  return null;
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
