import type { EventEmitter } from 'node:events';

/**
 * `says(type)`: the next IPC message of that type from `peer` — a forked child, or
 * `process` in a child for its parent's messages. Rejects if the peer exits first (an
 * error in a child, say), naming `name` and what was awaited.
 */
export function messagesOf<M extends { type: string }>(peer: EventEmitter, name: string) {
  return <T extends M['type']>(type: T): Promise<Extract<M, { type: T }>> =>
    new Promise((resolve, reject) => {
      const heard = (message: M) => {
        if (message.type !== type) return;
        peer.off('message', heard);
        peer.off('exit', exited);
        resolve(message as Extract<M, { type: T }>);
      };
      const exited = (code: number | null) =>
        reject(new Error(`${name} exited (${code}) before "${type}"`));
      peer.on('message', heard);
      peer.once('exit', exited);
    });
}
