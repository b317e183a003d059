import { Worker } from 'node:worker_threads';

/**
 * Calls `exported(...args)` of a TypeScript module of src/ in a worker thread, which is ended after
 * `timeoutMs`: a hang guard for synchronous code, which a jest timeout cannot interrupt. The
 * worker compiles the modules it requires with TypeScript's transpiler (no type checks).
 */
export function callInWorker(modulePath: string, exported: string, args: unknown[], timeoutMs: number) {
  const source = `
    const fs = require('node:fs');
    const ts = require('typescript');
    const { workerData, parentPort } = require('node:worker_threads');
    require.extensions['.ts'] = (m, file) => m._compile(ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText, file);
    try {
      parentPort.postMessage({ value: require(workerData.modulePath)[workerData.exported](...workerData.args) });
    } catch (e) {
      parentPort.postMessage({ error: { name: e.name, message: e.message, diagnostics: e.diagnostics } });
    }`;
  const worker = new Worker(source, { eval: true, workerData: { modulePath, exported, args } });
  return new Promise<{ value?: unknown; error?: { name: string; message: string; diagnostics?: unknown } }>(
    (resolve, reject) => {
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(new Error(`${exported} did not return within ${timeoutMs} ms`));
      }, timeoutMs);
      worker.once('message', (m: { value?: unknown; error?: { name: string; message: string } }) => {
        clearTimeout(timer);
        void worker.terminate();
        resolve(m);
      });
      worker.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    },
  );
}
