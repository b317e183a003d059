import { EventEmitter } from 'node:events';
// The module object itself (not a namespace copy), so that spyOn can replace its request.
import https from 'node:https';
import { PassThrough } from 'node:stream';
import { uploadBlob } from '../../src/registry/blobs';

// The ECR token goes only to the registry's host (issue 25, finding 8): an upload session whose
// Location is absolute and names another host is followed without it.

const auth = { registry: 'registry.test', username: 'AWS', password: 'ecr-token' };

interface Sent {
  method: string;
  url: string;
  authorization?: string;
}

/** https.request answering each request with the next reply, recording what was sent; no network. */
function fakeTransport(replies: { status: number; headers?: Record<string, string> }[]): Sent[] {
  const sent: Sent[] = [];
  jest.spyOn(https, 'request').mockImplementation(((
    url: URL,
    options: https.RequestOptions,
    callback: (res: PassThrough & { statusCode: number; headers: Record<string, string> }) => void,
  ) => {
    const headers = (options.headers ?? {}) as Record<string, string>;
    sent.push({
      method: options.method ?? 'GET',
      url: url.toString(),
      ...(headers.Authorization && { authorization: headers.Authorization }),
    });
    const req = new PassThrough() as PassThrough & { destroy: () => void };
    const reply = replies.shift() ?? { status: 500 };
    req.on('finish', () => {
      const res = Object.assign(new PassThrough(), {
        statusCode: reply.status,
        headers: reply.headers ?? {},
      });
      callback(res);
      res.end();
    });
    return req as unknown as EventEmitter;
  }) as unknown as typeof https.request);
  return sent;
}

afterEach(() => jest.restoreAllMocks());

it('an upload session on another host gets no registry credentials, the registry itself does', async () => {
  const sent = fakeTransport([
    { status: 202, headers: { location: 'https://uploads.elsewhere.test/session/1?state=abc' } },
    { status: 202, headers: { location: 'https://uploads.elsewhere.test/session/1?state=def' } },
    { status: 201, headers: { 'docker-content-digest': 'sha256:aa' } },
  ]);
  await uploadBlob(auth, 'core/app', { digest: 'sha256:aa', size: 1, bytes: Buffer.from('x') });
  const basic = `Basic ${Buffer.from('AWS:ecr-token').toString('base64')}`;
  expect(sent).toEqual([
    { method: 'POST', url: 'https://registry.test/v2/core/app/blobs/uploads/', authorization: basic },
    { method: 'PATCH', url: 'https://uploads.elsewhere.test/session/1?state=abc' },
    { method: 'PUT', url: 'https://uploads.elsewhere.test/session/1?state=def&digest=sha256%3Aaa' },
  ]);
});
