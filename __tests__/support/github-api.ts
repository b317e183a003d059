import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ApiRequest {
  method: string;
  url: string;
  auth: string;
  body: string;
}

/** The local stand-in of the GitHub API (__tests__/e2e/fake-github-api.js), running. */
export interface FakeGitHubApi {
  /** http://127.0.0.1:<port>: what GITHUB_API_URL is set to. */
  url: string;
  /** Every request it has answered, in order. */
  requests(): ApiRequest[];
  /** The comments the requests since `from` created (POST) or edited (PATCH), with the token's Authorization. */
  writes(from?: number): { method: string; url: string; auth: string; body: string }[];
  stop(): void;
}

export async function startFakeGitHubApi(): Promise<FakeGitHubApi> {
  const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gh-api-')), 'requests.jsonl');
  const api = spawn(process.execPath, [path.join(__dirname, '../e2e/fake-github-api.js'), log], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the fake GitHub API did not start')), 10_000);
    api.stdout?.once('data', (chunk: Buffer) => {
      clearTimeout(timer);
      resolve(chunk.toString().trim());
    });
  });
  const requests = (): ApiRequest[] =>
    fs.existsSync(log)
      ? fs
          .readFileSync(log, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as ApiRequest)
      : [];
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    writes: (from = 0) =>
      requests()
        .slice(from)
        .filter((q) => q.method === 'POST' || q.method === 'PATCH')
        .filter((q) => q.url !== '/graphql')
        .map((q) => ({
          method: q.method,
          url: q.url,
          auth: q.auth,
          body: (JSON.parse(q.body) as { body: string }).body,
        })),
    stop: () => api.kill(),
  };
}
