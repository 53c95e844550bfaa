import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { startHttpServer, type HttpServer } from '../../server/http-server';
import { trackApps } from './helpers';

const apps = trackApps();
const started: HttpServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.shutdown(0)));
});

async function listen(): Promise<number> {
  const t = await apps.app();
  const http = startHttpServer({
    fetch: createApp({ db: t.db, clock: t.clock }).fetch,
    port: 0,
    hostname: '127.0.0.1',
  });
  started.push(http);
  return (await http.listening).port;
}

interface RawConnection {
  socket: net.Socket;
  /** Everything the server sent so far. */
  received(): string;
  /** Resolves with how the connection ended: `end` (the server closed it cleanly) or the error code. */
  ended: Promise<string>;
  /** Resolves once the server has sent `count` complete answers. */
  answers(count: number): Promise<Answer[]>;
}

interface Answer {
  status: number;
  connection: string | undefined;
}

/** Parses the answers in what a raw connection received (bodies are small JSON with Content-Length). */
function parseAnswers(text: string): Answer[] {
  const answers: Answer[] = [];
  let rest = text;
  for (;;) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd === -1) return answers;
    const head = rest.slice(0, headEnd);
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
    if (rest.length < headEnd + 4 + length) return answers;
    answers.push({
      status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)![1]),
      connection: /\r\nconnection: (\S+)/i.exec(head)?.[1]?.toLowerCase(),
    });
    rest = rest.slice(headEnd + 4 + length);
  }
}

async function connect(port: number): Promise<RawConnection> {
  const socket = net.connect(port, '127.0.0.1');
  let data = '';
  const waiting: (() => void)[] = [];
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    data += chunk;
    for (const wake of waiting.splice(0)) wake();
  });
  const ended = new Promise<string>((resolve) => {
    socket.once('end', () => resolve('end'));
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
  await new Promise((resolve) => socket.once('connect', resolve));
  return {
    socket,
    received: () => data,
    ended,
    async answers(count) {
      for (;;) {
        const answers = parseAnswers(data);
        if (answers.length >= count) return answers;
        const more = new Promise<void>((resolve) => waiting.push(resolve));
        const gone = ended.then((how) => {
          throw new Error(
            `connection ended (${how}) after ${answers.length} answer(s): ${data.slice(0, 500)}`,
          );
        });
        await Promise.race([more, gone]);
      }
    },
  };
}

const MB = 1024 * 1024;
const HEALTH = 'GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n';

function post(path: string, headers: Record<string, string>): string {
  const lines = Object.entries({
    Host: 'localhost',
    'Content-Type': 'application/json',
    ...headers,
  });
  return `POST ${path} HTTP/1.1\r\n${lines.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
}

/** Writes `bytes` in 64 KB pieces, waiting for each to drain (a client uploading as fast as the server reads). */
async function upload(socket: net.Socket, bytes: number, pauseMs = 0): Promise<void> {
  const piece = Buffer.alloc(64 * 1024, 'a');
  for (let sent = 0; sent < bytes; sent += piece.length) {
    const part = piece.subarray(0, Math.min(piece.length, bytes - sent));
    if (!socket.write(part)) await new Promise((resolve) => socket.once('drain', resolve));
    if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

describe('an answer given before the request body arrived', () => {
  it('413 for a 2 MB body: the body is read and dropped, and the next request on the connection is answered', async () => {
    const raw = await connect(await listen());
    raw.socket.write(post('/api/brands', { 'Content-Length': String(2 * MB) }));
    await upload(raw.socket, 2 * MB);
    raw.socket.write(HEALTH);
    const [tooLarge, health] = await raw.answers(2);
    expect(tooLarge).toEqual({ status: 413, connection: 'keep-alive' });
    expect(health!.status).toBe(200);
  });

  it('a 400 KB body to a route that takes none: answered, and so is the next request', async () => {
    const raw = await connect(await listen());
    raw.socket.write(post('/api/auth/logout', { 'Content-Length': String(400 * 1024) }));
    await upload(raw.socket, 400 * 1024);
    raw.socket.write(HEALTH);
    const [logout, health] = await raw.answers(2);
    expect(logout!.status).toBe(204);
    expect(health!.status).toBe(200);
  });

  it('a slow uploader sends its whole body without an error, then reads the 413, and the connection goes on', async () => {
    const raw = await connect(await listen());
    raw.socket.write(post('/api/brands', { 'Content-Length': String(2 * MB) }));
    // The 413 goes out at once; the upload then goes on in small steps for a while.
    await raw.answers(1);
    await upload(raw.socket, 2 * MB, 15);
    raw.socket.write(HEALTH);
    const [tooLarge, health] = await raw.answers(2);
    expect(tooLarge!.status).toBe(413);
    expect(health!.status).toBe(200);
  });

  it('a chunked body over the limit: 413, and the next request is answered', async () => {
    const raw = await connect(await listen());
    raw.socket.write(post('/api/brands', { 'Transfer-Encoding': 'chunked' }));
    const chunk = 'a'.repeat(64 * 1024);
    for (let i = 0; i < 32; i++) raw.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    raw.socket.write('0\r\n\r\n');
    raw.socket.write(HEALTH);
    const [tooLarge, health] = await raw.answers(2);
    expect(tooLarge!.status).toBe(413);
    expect(health!.status).toBe(200);
  });

  it('a body declared larger than what is drained: 413 with Connection: close, and the connection then ends cleanly', async () => {
    const raw = await connect(await listen());
    raw.socket.write(post('/api/brands', { 'Content-Length': String(500 * MB) }));
    const [tooLarge] = await raw.answers(1);
    expect(tooLarge).toEqual({ status: 413, connection: 'close' });
    raw.socket.end();
    expect(await raw.ended).toBe('end');
  });
});
