// A node:http server standing in for the county's SMS gateway in tests: it records each request
// and answers with the statuses it is told to, in order (then 200).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewayRequest {
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

export interface LocalSmsGateway {
  url: string;
  requests: GatewayRequest[];
  close(): Promise<void>;
}

export async function startLocalSmsGateway(statuses: number[] = []): Promise<LocalSmsGateway> {
  const requests: GatewayRequest[] = [];
  const queue = [...statuses];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      requests.push({ authorization: req.headers.authorization, contentType: req.headers['content-type'], body: JSON.parse(raw) });
      const status = queue.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status < 300 ? { ok: true } : { error: 'gateway busy' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
