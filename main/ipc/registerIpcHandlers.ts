import { z } from 'zod';
import { ipcArgSchemas, type IpcArgs, type IpcChannel, type IpcHandlers } from '../../shared/ipc/contract';
import { fail, type HostResult } from '../../shared/result';
import type { UrlPredicate } from '../security/trustedSender';
import { errorMessage } from '../util/errnoCode';

/** The part of Electron's IpcMainInvokeEvent the registry reads. */
export interface InvokeEventLike {
  senderFrame?: { url: string } | null;
}

export type InvokeListener = (event: InvokeEventLike, ...args: unknown[]) => Promise<HostResult<unknown>>;

/** The part of Electron's ipcMain the registry needs. */
export interface IpcMainLike {
  handle(channel: string, listener: InvokeListener): void;
}

/**
 * The contract's schemas seen per channel. Assigning here checks, channel by channel, that each
 * schema produces exactly what that channel's handler accepts; it also lets the generic
 * listener below correlate schema and handler without casts.
 */
const schemasByChannel: { [C in IpcChannel]: z.ZodType<IpcArgs<C>> } = ipcArgSchemas;

const isIpcChannel = (name: string): name is IpcChannel => Object.hasOwn(ipcArgSchemas, name);

/**
 * Registers one `ipcMain.handle` per contract channel. Each listener:
 * 1. refuses frames that are not our renderer (a navigated or injected frame gets nothing),
 * 2. validates the raw, untrusted argument with the channel's zod schema, so handlers only
 *    ever see typed, checked input,
 * 3. turns any unexpected exception into an `io-error` result: a rejected invoke would surface
 *    in the renderer as an untyped Error carrying main-process details.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers,
  isTrustedSender: UrlPredicate,
): void {
  for (const channel of Object.keys(ipcArgSchemas).filter(isIpcChannel)) {
    ipcMain.handle(channel, createListener(channel, handlers, isTrustedSender));
  }
}

function createListener<C extends IpcChannel>(
  channel: C,
  handlers: IpcHandlers,
  isTrustedSender: UrlPredicate,
): InvokeListener {
  const schema = schemasByChannel[channel];
  const handler = handlers[channel];
  return async (event, ...args) => {
    try {
      if (!isTrustedSender(event.senderFrame?.url)) {
        return fail('forbidden-sender', `${channel}: refused, the request did not come from the app.`);
      }
      if (args.length > 1)
        return fail('invalid-argument', `${channel}: expected one argument, got ${args.length}.`);
      const parsed = schema.safeParse(args[0]);
      if (!parsed.success) return fail('invalid-argument', `${channel}: ${z.prettifyError(parsed.error)}`);
      return await handler(parsed.data);
    } catch (error) {
      return fail('io-error', `${channel}: ${errorMessage(error)}`);
    }
  };
}
