import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserError } from '../../src/diagnostics';
import { parseConfig } from '../../src/inputs/parse';
import type { RunContext } from '../../src/inputs/run-context';
import type { InputName } from '../../src/inputs/spec';

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'layout-'));
fs.writeFileSync(path.join(workspace, 'docker-compose.yml'), 'services: {}\n');
const push: RunContext = {
  eventName: 'push',
  ref: 'refs/heads/main',
  sha: 'abcdef0123456789abcdef',
  workspace,
};
const pullRequest: RunContext = {
  eventName: 'pull_request',
  ref: 'refs/pull/7/merge',
  sha: 'abcdef0123456789abcdef',
  workspace,
  pullRequest: 7,
  action: 'synchronize',
};

function parse(inputs: Partial<Record<InputName, string>>, run: RunContext = push) {
  return parseConfig((name) => inputs[name] ?? '', { AWS_REGION: 'us-east-1' }, run);
}

function problems(inputs: Partial<Record<InputName, string>>): string[] {
  try {
    parse(inputs);
  } catch (e) {
    if (e instanceof UserError) return e.diagnostics.map((d) => `${d.input}: ${d.message}`);
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('the layout and namespace inputs', () => {
  test('task by default, and services in <service>.internal unless the namespace is given', () => {
    expect(parse({ service: 'web' }).layout).toEqual({ kind: 'task' });
    expect(parse({ service: 'Shop_Web', layout: 'services' }).layout).toEqual({
      kind: 'services',
      namespace: 'shop-web.internal',
    });
    expect(parse({ service: 'web', layout: 'services', namespace: 'apps.example' }).layout).toEqual({
      kind: 'services',
      namespace: 'apps.example',
    });
  });

  test("a preview's namespace is its own, beside the deploy's", () => {
    expect(parse({ service: 'web', layout: 'services', preview: 'true' }, pullRequest).layout).toEqual({
      kind: 'services',
      namespace: 'web-pr-7.internal',
    });
    expect(
      parse({ service: 'web', layout: 'services', preview: 'true', namespace: 'apps.example' }, pullRequest)
        .layout,
    ).toEqual({ kind: 'services', namespace: 'apps-pr-7.example' });
  });

  test('refused: another layout, a namespace that is no DNS name, a namespace without services, one-off tasks with services', () => {
    expect(problems({ service: 'web', layout: 'pods' })).toEqual([
      'layout: "pods" is not one of task, services',
    ]);
    expect(problems({ service: 'web', layout: 'services', namespace: 'Apps_Internal' })).toEqual([
      'namespace: "Apps_Internal" is not a private DNS namespace name such as app.internal: lowercase labels of letters, digits and -, separated by dots',
    ]);
    expect(problems({ service: 'web', namespace: 'app.internal' })).toEqual([
      'namespace: is for layout: services; remove it, or set layout: services',
    ]);
    expect(problems({ service: 'web', layout: 'services', 'run-before-deploy': 'web: migrate' })).toEqual([
      'run-before-deploy: is for layout: task: with layout: services each compose service is an ECS service, which runs until stopped; run one-off work in a workflow step, or use layout: task',
    ]);
  });
});
