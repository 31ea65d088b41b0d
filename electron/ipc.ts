import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_CHANNELS } from '../shared/channels';
import { fail, type Result } from '../shared/result';
import { CallSchema } from '../shared/wire';
import type { Core } from './core';

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

/** Sends every core event to one window's renderer, until the window goes away. */
export function forwardEvents(core: Pick<Core, 'subscribe'>, contents: Pick<WebContents, 'send' | 'isDestroyed'>): () => void {
  return core.subscribe((event, payload) => {
    if (!contents.isDestroyed()) contents.send(IPC_CHANNELS.event, { event, payload });
  });
}
