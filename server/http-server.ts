import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createTurns, routeOf } from './turns';

/**
 * What an answer given before the request's body arrived still reads and
 * throws away, so the client finishes sending and reads the answer on a
 * connection that stays usable. Beyond it the connection is closed (the
 * answer says so) and whatever still comes is dropped.
 */
export const DRAIN_MAX_BYTES = 64 * 1024 * 1024;
/** How long such a body may take to arrive before the connection is closed. */
export const DRAIN_MAX_MS = 30_000;
/** After shutdown begins, a connection with no request in progress is closed once it has been idle this long. */
export const SHUTDOWN_IDLE_MS = 500;

export interface HttpServerOptions {
  fetch: Parameters<typeof serve>[0]['fetch'];
  port: number;
  hostname: string;
}

export interface HttpServer {
  server: http.Server;
  /** Resolves with the address once the server listens; rejects when it cannot (port in use). */
  listening: Promise<AddressInfo>;
  /**
   * Stops accepting connections, lets every request in progress finish (each
   * answer then says `Connection: close`), closes idle connections, and
   * resolves true once all are closed — or false after `graceMs`, when the
   * ones left are cut off.
   */
  shutdown(graceMs: number): Promise<boolean>;
}

/** Whether the body is declared larger than what is drained (a chunked body is drained up to the limit). */
function declaredTooLargeToDrain(req: http.IncomingMessage): boolean {
  return Number(req.headers['content-length'] ?? 0) > DRAIN_MAX_BYTES;
}

/**
 * Reads and drops the rest of a body whose answer has gone out: listeners the
 * app left on the request (a body stream it stopped reading) are removed, so
 * nothing pauses it again; over the limits, the connection is closed.
 */
function drainRest(this: http.ServerResponse): void {
  const req = this.req;
  if (req.complete || req.destroyed) return;
  const socket = req.socket;
  let bytes = 0;
  const timer = setTimeout(() => socket.destroy(), DRAIN_MAX_MS);
  timer.unref();
  req.removeAllListeners('data');
  req.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > DRAIN_MAX_BYTES) socket.destroy();
  });
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

/**
 * The Node.js server for the app (@hono/node-server), with three things Node and
 * Hono do not do by themselves:
 *
 * - **Early answers end cleanly.** An answer sent before the request's body
 *   arrived (413, or a route that reads no body) used to leave the body
 *   unread and the connection closed half a second later: the next request on
 *   it got no answer, a slow uploader an EPIPE instead of the status. Now the
 *   rest of the body is read and dropped (up to `DRAIN_MAX_BYTES` and
 *   `DRAIN_MAX_MS`) and the connection stays usable; a body known to be larger
 *   gets `Connection: close` with its answer.
 * - **Shutdown drains** (see `HttpServer.shutdown`).
 * - **Requests take turns** (see `turns.ts`): first come, first served, and a
 *   small request never waits behind more than one big one.
 */
export function startHttpServer(options: HttpServerOptions): HttpServer {
  let stopping = false;
  const turns = createTurns();
  /** Requests in progress per connection: a connection with none, and quiet, may be closed at shutdown. */
  const inProgress = new Map<net.Socket, number>();
  const release = (socket: net.Socket) => {
    const left = (inProgress.get(socket) ?? 1) - 1;
    if (left > 0) inProgress.set(socket, left);
    else inProgress.delete(socket);
  };

  class AppResponse extends http.ServerResponse {
    constructor(req: http.IncomingMessage) {
      super(req);
      const socket = req.socket;
      inProgress.set(socket, (inProgress.get(socket) ?? 0) + 1);
      this.once('close', () => release(socket));
    }
  }
  const writeHead = http.ServerResponse.prototype.writeHead;
  AppResponse.prototype.writeHead = function (this: AppResponse, ...args: unknown[]) {
    const req = this.req;
    if (!req.complete) {
      // An answer before the whole body: read the rest (below), or close if it is too much.
      if (declaredTooLargeToDrain(req)) this.shouldKeepAlive = false;
      this.once('finish', drainRest);
    }
    if (stopping) this.shouldKeepAlive = false;
    return Reflect.apply(writeHead, this, args) as AppResponse;
  } as typeof writeHead;

  const server = serve({
    fetch: async (request, env) => {
      const turn = await turns.take(routeOf(request.method, request.url));
      try {
        return await options.fetch(request, Object.assign(env, { turn }));
      } finally {
        turn.end();
      }
    },
    port: options.port,
    hostname: options.hostname,
    // Its clean-up closes the connection half a second after an early answer: ours reads the body instead.
    autoCleanupIncoming: false,
    // One class per server: it knows whether this server is stopping.
    serverOptions: { ServerResponse: AppResponse as typeof http.ServerResponse },
  }) as http.Server;

  const listening = new Promise<AddressInfo>((resolve, reject) => {
    server.once('listening', () => resolve(server.address() as AddressInfo));
    server.once('error', reject);
  });

  const open = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });

  /** Bytes each connection had read at the last sweep. */
  const seen = new Map<net.Socket, number>();
  /**
   * Closes connections that had no request in progress and read nothing since
   * the last sweep: between two sweeps the event loop has read whatever a
   * client had already sent, so no request on its way is lost.
   */
  const sweepIdle = () => {
    for (const socket of open) {
      const quiet = !inProgress.has(socket) && seen.get(socket) === socket.bytesRead;
      if (quiet) socket.destroy();
      else seen.set(socket, socket.bytesRead);
    }
  };

  return {
    server,
    listening,
    shutdown(graceMs) {
      stopping = true;
      return new Promise<boolean>((resolve) => {
        let settled = false;
        const finish = (clean: boolean) => {
          if (settled) return;
          settled = true;
          clearInterval(sweeps);
          clearTimeout(deadline);
          if (!clean) server.closeAllConnections();
          resolve(clean);
        };
        // Stop listening only: http.Server#close would also drop idle keep-alive connections
        // at once, losing a request already on its way on one of them.
        net.Server.prototype.close.call(server, () => finish(true));
        // Connections with a request in progress close after its answer (Connection: close).
        sweepIdle();
        const sweeps = setInterval(sweepIdle, SHUTDOWN_IDLE_MS);
        const deadline = setTimeout(() => finish(open.size === 0), graceMs);
      });
    },
  };
}
