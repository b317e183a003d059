import { join } from 'node:path';
import { translateProject } from '../../src/translate/project';
import { renderErrors, renderWarnings, renderYaml, type RenderYamlOptions } from './render-helper';

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const build = { build: true } satisfies RenderYamlOptions;
const mongo = '  mongo:\n    image: billmeyer/mongodb\n    mem_limit: 256m\n';

describe('build: services, with the build option on', () => {
  test('a built service runs its image from the registry, named after image:, and builds are listed once', () => {
    const r = renderYaml(
      `name: shop\nservices:\n${mongo}  web:\n    build:\n      context: ./web\n      args: { VERSION: "2" }\n      target: runtime\n    image: example/web:dev\n    mem_limit: 64m\n`,
      { ...build, packages: ['billmeyer/mongodb'] },
    );
    expect(r.taskDefinition.containerDefinitions?.map((c) => [c.name, c.image])).toEqual([
      ['mongo', `${REGISTRY}/billmeyer/mongodb:v1`],
      ['web', `${REGISTRY}/example/web:v1`],
    ]);
    expect([...r.builtServices]).toEqual([
      ['web', { repository: 'example/web', image: `${REGISTRY}/example/web:v1` }],
    ]);
    expect(r.builds).toEqual([
      {
        repository: 'example/web',
        services: ['web'],
        context: join(r.dir, 'web'),
        dockerfile: join(r.dir, 'web', 'Dockerfile'),
        args: [{ name: 'VERSION', value: '2', secret: false }],
        target: 'runtime',
        labels: [],
        platform: 'linux/amd64',
        places: expect.objectContaining({
          context: expect.objectContaining({ location: expect.anything() }),
        }),
      },
    ]);
    // build: is honoured, so it is not among the keys ECS ignores.
    expect(r.warnings).toEqual([]);
  });

  test('without image:, the repository is <project>/<service>; the project named as compose names it', () => {
    const compose = 'name: Shop_1\nservices:\n  Web:\n    build: .\n    mem_limit: 64m\n';
    expect(renderYaml(compose, build).builtServices.get('Web')?.repository).toBe('shop_1/web');
    const fromEnv = renderYaml(compose, { ...build, environment: { COMPOSE_PROJECT_NAME: 'store' } });
    expect(fromEnv.builtServices.get('Web')?.repository).toBe('store/web');
    // No name: the directory of the first compose file.
    const unnamed = renderYaml('services:\n  web:\n    build: .\n    mem_limit: 64m\n', build);
    const dir = unnamed.dir.split('/').pop()?.toLowerCase();
    expect(unnamed.builtServices.get('web')?.repository).toBe(`${dir}/web`);
  });

  test('pushed digests pin built images as they pin Habitat images', () => {
    const r = renderYaml(
      'services:\n  web:\n    build: .\n    image: example/web\n    mem_limit: 64m\n',
      build,
    );
    expect(r.builtServices.get('web')?.image).toBe(`${REGISTRY}/example/web:v1`);
    // translateProject with images: the same map the pin stage hands over.
    const pinned = `${REGISTRY}/example/web@sha256:${'b'.repeat(64)}`;
    const again = translateProject({
      files: [join(r.dir, 'docker-compose.yml')],
      launchType: 'EC2',
      family: 'test',
      packages: [],
      registry: REGISTRY,
      imageTag: 'v1',
      habitat: { acceptLicense: true, healthChecks: false },
      environment: {},
      build: true,
      images: new Map([['example/web', pinned]]),
    });
    expect(again.taskDefinition.containerDefinitions?.[0]?.image).toBe(pinned);
  });

  test('the documentation placeholder in image: is fine for a built service: its image goes to this registry', () => {
    const r = renderYaml(
      'services:\n  web:\n    build: .\n    image: aws_account_id.dkr.ecr.us-east-1.amazonaws.com/shop/web\n    mem_limit: 64m\n',
      build,
    );
    expect(r.builtServices.get('web')?.repository).toBe('shop/web');
  });

  test('a service that runs a Habitat package is not built', () => {
    const r = renderYaml(
      `services:\n${mongo.replace('    mem_limit', '    build: ./mongo\n    mem_limit')}`,
      {
        ...build,
        packages: ['billmeyer/mongodb'],
      },
    );
    expect(r.builds).toEqual([]);
    expect(r.habitatServices.has('mongo')).toBe(true);
  });

  test('two services that build the same image alike share one build', () => {
    const r = renderYaml(
      'services:\n  web:\n    build: .\n    image: shop/app\n    mem_limit: 64m\n  worker:\n    build: .\n    image: shop/app\n    command: work\n    mem_limit: 64m\n',
      build,
    );
    expect(r.builds.map((b) => [b.repository, b.services])).toEqual([['shop/app', ['web', 'worker']]]);
  });

  test('warnings where the build differs from what compose would do', () => {
    expect(
      renderWarnings(
        'services:\n  web:\n    build:\n      context: .\n      cache_from: [x]\n      args: ["NPM_TOKEN=abc"]\n      platforms: [linux/amd64, linux/arm64]\n    image: ghcr.io/shop/web\n    mem_limit: 64m\n',
        build,
      ),
    ).toEqual([
      "docker-compose.yml:8:12: services.web.image: the built image is pushed to this deploy's ECR registry as shop/web, not to ghcr.io",
      'docker-compose.yml:5:7: services.web.build.cache_from: ignored: the image is built with context, dockerfile, args, target, labels and platforms only',
      "docker-compose.yml:7:7: services.web.build.platforms: only linux/amd64 is built: an ECS task runs one platform (the service's platform:, else the task's, linux/amd64)",
      'docker-compose.yml:6:14: services.web.build.args[0]: build arg NPM_TOKEN looks like a secret: its value is kept in the history of the pushed image, which anyone who can pull it can read; keep secrets out of images',
    ]);
  });

  test("a platform other than linux/amd64 is built, and is the task's runtime platform", () => {
    const r = renderYaml(
      'services:\n  web:\n    build: .\n    platform: linux/arm64\n    mem_limit: 64m\n',
      build,
    );
    expect(r.builds[0]?.platform).toBe('linux/arm64');
    expect(r.taskDefinition.runtimePlatform).toEqual({
      cpuArchitecture: 'ARM64',
      operatingSystemFamily: 'LINUX',
    });
    expect(r.warnings).toEqual([]);
  });

  test("a service without platform: is built for the task's (the runtime-platform input)", () => {
    const r = renderYaml('services:\n  web:\n    build: .\n    mem_limit: 64m\n', {
      ...build,
      platform: 'linux/arm64',
    });
    expect(r.builds[0]?.platform).toBe('linux/arm64');
    expect(r.taskDefinition.runtimePlatform?.cpuArchitecture).toBe('ARM64');
  });

  test('what cannot be built is refused at its line', () => {
    expect(
      renderErrors(
        'services:\n  a:\n    build: https://github.com/x/y.git\n    mem_limit: 64m\n  b:\n    build:\n      dockerfile_inline: "FROM scratch"\n    mem_limit: 64m\n  c:\n    build: { context: ., platforms: [linux/arm64] }\n    mem_limit: 64m\n  d:\n    build: .\n    image: billmeyer/mongodb\n    mem_limit: 64m\n  e:\n    build: .\n    image: shop/e\n    mem_limit: 64m\n  f:\n    build: ./other\n    image: shop/e\n    mem_limit: 64m\n',
        { ...build, packages: ['billmeyer/mongodb'] },
      ),
    ).toEqual([
      'docker-compose.yml:3:12: services.a.build: a remote build context is not fetched here: check the sources out into the workspace (actions/checkout) and name their directory',
      'docker-compose.yml:7:26: services.b.build.dockerfile_inline: is not supported: write the Dockerfile to a file and name it with dockerfile:',
      "docker-compose.yml:10:26: services.c.build.platforms: does not list linux/amd64, the platform the service runs on (its platform:, else the task's, linux/amd64): add it",
      'docker-compose.yml:21:12: services.f.build: builds shop/e differently from service e, which pushes there too: give one of them another image:',
    ]);
  });
});

describe('build: services, with the build option off', () => {
  test('build: is ignored with a warning and image: is used as written (the behaviour before the build input)', () => {
    const compose = 'services:\n  web:\n    build: .\n    image: example/web:dev\n    mem_limit: 64m\n';
    const r = renderYaml(compose, { build: false });
    expect(r.taskDefinition.containerDefinitions?.[0]?.image).toBe('example/web:dev');
    expect(r.builds).toEqual([]);
    expect(renderWarnings(compose, { build: false })).toEqual([
      'docker-compose.yml:3:12: services.web.build: ignored on ECS: ECS runs images; build is ignored (the image: is used)',
    ]);
  });
});
