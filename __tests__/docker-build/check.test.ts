import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkBuilds, stageNames } from '../../src/docker-build/check';
import { formatDiagnostic } from '../../src/diagnostics';
import type { ImageBuild } from '../../src/translate/build-plan';

/** A workspace with web/Dockerfile (stages base and runtime), and a directory outside it. */
function workspace() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'check-builds-'));
  const ws = path.join(root, 'ws');
  fs.mkdirSync(path.join(ws, 'web'), { recursive: true });
  fs.writeFileSync(
    path.join(ws, 'web', 'Dockerfile'),
    'FROM scratch AS base\nCOPY a /a\nFROM --platform=$BUILDPLATFORM base \\\n  as Runtime\n',
  );
  fs.mkdirSync(path.join(root, 'outside'));
  fs.writeFileSync(path.join(root, 'outside', 'Dockerfile'), 'FROM scratch\n');
  return { ws, root };
}

const at = (line: number, key: string) => ({
  path: ['services', 'web', 'build', key],
  location: { file: 'docker-compose.yml', line, column: 7 },
});

function imageBuild(context: string, dockerfile: string, target?: string): ImageBuild {
  return {
    repository: 'shop/web',
    services: ['web'],
    context,
    dockerfile,
    args: [],
    ...(target !== undefined && { target }),
    labels: [],
    platform: 'linux/amd64',
    places: { context: at(4, 'context'), dockerfile: at(5, 'dockerfile'), target: at(6, 'target') },
  };
}

const check = (ws: string, ...builds: ImageBuild[]) => checkBuilds(builds, ws).map(formatDiagnostic);

describe('checkBuilds', () => {
  test('a context and Dockerfile in the workspace, and a target among its stages, pass', () => {
    const { ws } = workspace();
    const web = path.join(ws, 'web');
    expect(check(ws, imageBuild(web, path.join(web, 'Dockerfile'), 'runtime'))).toEqual([]);
  });

  test('a missing context, a missing Dockerfile and an unknown target, each at its compose line', () => {
    const { ws } = workspace();
    const web = path.join(ws, 'web');
    expect(
      check(
        ws,
        imageBuild(path.join(ws, 'api'), path.join(ws, 'api', 'Dockerfile')),
        imageBuild(web, path.join(web, 'Dockerfile.prod')),
        imageBuild(web, path.join(web, 'Dockerfile'), 'runtim'),
      ),
    ).toEqual([
      'docker-compose.yml:4:7: services.web.build.context: no build context directory api in the workspace',
      'docker-compose.yml:5:7: services.web.build.dockerfile: no Dockerfile web/Dockerfile.prod (dockerfile: is relative to the context web)',
      'docker-compose.yml:6:7: services.web.build.target: web/Dockerfile has no stage "runtim"; did you mean "runtime"? (its stages: base, runtime)',
    ]);
  });

  test('a context or Dockerfile outside the workspace is refused, through a symlink too', () => {
    const { ws, root } = workspace();
    const outside = path.join(root, 'outside');
    fs.symlinkSync(outside, path.join(ws, 'linked'));
    const web = path.join(ws, 'web');
    const errors = check(
      ws,
      imageBuild(outside, path.join(outside, 'Dockerfile')),
      imageBuild(path.join(ws, 'linked'), path.join(ws, 'linked', 'Dockerfile')),
      imageBuild(web, path.join(outside, 'Dockerfile')),
    );
    expect(errors).toEqual([
      `docker-compose.yml:4:7: services.web.build.context: the build context ${outside} is outside ${ws}: move it into the workspace`,
      `docker-compose.yml:4:7: services.web.build.context: the build context ${path.join(ws, 'linked')} is a symlink to ${outside}, outside ${ws}: move it into the workspace`,
      `docker-compose.yml:5:7: services.web.build.dockerfile: the Dockerfile ${path.join(outside, 'Dockerfile')} is outside ${ws}: move it into the workspace`,
    ]);
  });

  test('a file given as the context is not a directory', () => {
    const { ws } = workspace();
    const file = path.join(ws, 'web', 'Dockerfile');
    expect(check(ws, imageBuild(file, path.join(file, 'Dockerfile')))).toEqual([
      'docker-compose.yml:4:7: services.web.build.context: no build context directory web/Dockerfile in the workspace',
    ]);
  });
});

describe('stageNames', () => {
  test('FROM ... AS name, with flags and continuations, in lower case', () => {
    expect(
      stageNames(
        '# syntax=docker/dockerfile:1\nFROM node:20 AS Deps\nfrom --platform=linux/amd64 deps as build\nFROM scratch\n',
      ),
    ).toEqual(['deps', 'build']);
  });

  test('another escape character: cannot tell', () => {
    expect(stageNames('# escape=`\nFROM scratch AS a\n')).toBeUndefined();
  });
});
