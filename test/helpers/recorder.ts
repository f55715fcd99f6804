// A real HTTP endpoint that records what the SDK sends and answers with scripted statuses: for the transport
// behaviours (retries, back-off, Retry-After) that a healthy collector would never show.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  at: number;
  path: string;
  headers: IncomingHttpHeaders;
  body: { writeKey?: string; sentAt?: string; batch: Record<string, any>[] };
}

export interface Recorder {
  url: string;
  requests: Recorded[];
  /** Statuses for the next requests, in order; then 200. A [status, headers] pair sets headers too. */
  respond(...statuses: (number | [number, Record<string, string>])[]): void;
  messages(): Record<string, any>[];
  close(): Promise<void>;
}

export async function startRecorder(): Promise<Recorder> {
  const requests: Recorded[] = [];
  let script: (number | [number, Record<string, string>])[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-expose-headers': 'Retry-After' };
      if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
      requests.push({ at: Date.now(), path: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : { batch: [] } });
      const next = script.shift() ?? 200;
      const [status, headers] = Array.isArray(next) ? next : [next, {}];
      res.writeHead(status, { ...cors, 'content-type': 'application/json', ...headers }).end(status === 200 ? '{"success":true}' : '{"code":"HF_ERR_TEST"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    respond: (...s) => void (script = s),
    messages: () => requests.flatMap((r) => r.body.batch),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
