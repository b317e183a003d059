import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../../src/diagnostics';
import { preflight } from '../../src/stages/preflight';
import { RecordingLog } from '../support/recording-log';
import { REGISTRY } from './fakes';
import { config, workspace } from './national-parks';

describe('preflight', () => {
  it('names the packages and the registry before anything runs, and prints the warnings', () => {
    const log = new RecordingLog();
    const plan = preflight(config(), log);
    expect(plan.registry).toBe(REGISTRY);
    expect(plan.packages.map((p) => `${p.origin}/${p.name}`)).toEqual([
      'billmeyer/mongodb',
      'mattray/national-parks',
    ]);
    expect(log.of('warning')).toContainEqual(expect.stringContaining('services.mongo: no memory set'));
  });

  it('refuses a package file that is not there, before anything runs', () => {
    const compose = path.join(workspace, 'hart.yml');
    fs.writeFileSync(
      compose,
      'services:\n  web:\n    image: acme/web\n    x-habitat:\n      package: results/acme-web-1.0.0-20240101000000-x86_64-linux.hart\n',
    );
    const plan = () =>
      preflight(config({ 'compose-file': compose, 'habitat-packages': '' }), new RecordingLog());
    expect(plan).toThrow(UserError);
    expect(plan).toThrow(/acme-web-1.0.0-20240101000000-x86_64-linux.hart: no such file/);
  });

  it('lists the builds, and refuses a missing build context at its compose line, before anything runs', () => {
    const compose = path.join(workspace, 'builds.yml');
    fs.mkdirSync(path.join(workspace, 'web'), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'web', 'Dockerfile'), 'FROM scratch\n');
    fs.writeFileSync(
      compose,
      'services:\n  web:\n    build: ./web\n    image: shop/web\n    mem_limit: 64m\n',
    );
    const plan = preflight(config({ 'compose-file': compose, 'habitat-packages': '' }), new RecordingLog());
    expect(plan.builds.map((b) => [b.repository, b.context])).toEqual([
      ['shop/web', path.join(workspace, 'web')],
    ]);

    fs.writeFileSync(
      compose,
      'services:\n  web:\n    build: ./api\n    image: shop/web\n    mem_limit: 64m\n',
    );
    expect(() =>
      preflight(config({ 'compose-file': compose, 'habitat-packages': '' }), new RecordingLog()),
    ).toThrow(`${compose}:3:12: services.web.build: no build context directory api in the workspace`);
  });
});
