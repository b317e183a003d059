import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDiagnostic, UserError } from '../../src/diagnostics';
import { parsePackageSource } from '../../src/translate/habitat/package-source';
import { translateProject } from '../../src/translate/project';

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const GIVEN = {
  family: 'theirs',
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/theirs:7',
  revision: 7,
  status: 'ACTIVE',
  requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }],
  compatibilities: ['EC2'],
  registeredAt: '2026-01-01T00:00:00Z',
  networkMode: 'bridge',
  containerDefinitions: [
    {
      name: 'db',
      image: 'aws_account_id.dkr.ecr.ap-southeast-2.amazonaws.com/billmeyer/mongodb:latest',
      memory: 512,
    },
    { name: 'web', image: 'example/web:dev', memory: 256, portMappings: [{ containerPort: 80 }] },
    { name: 'proxy', image: 'nginx:1.27', memory: 64 },
  ],
};

function render(text: string, compose?: string, images?: Map<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'given-'));
  writeFileSync(join(dir, 'td.json'), text);
  if (compose) writeFileSync(join(dir, 'docker-compose.yml'), compose);
  return translateProject({
    files: compose ? [join(dir, 'docker-compose.yml')] : [],
    launchType: 'EC2',
    family: 'web',
    packages: [parsePackageSource('billmeyer/mongodb')],
    registry: REGISTRY,
    imageTag: 'v1',
    habitat: { acceptLicense: true, healthChecks: false },
    environment: {},
    build: true,
    given: { source: 'td.json', file: join(dir, 'td.json') },
    ...(images && { images }),
  });
}

describe('a task definition of their own', () => {
  test('the Habitat package and the built service run this deploy’s images; the rest is theirs, less what ECS adds', () => {
    const r = render(
      JSON.stringify({ taskDefinition: GIVEN }, null, 2),
      'services:\n  web:\n    build: .\n    image: example/web\n',
    );
    expect(r.taskDefinition).toEqual({
      family: 'web',
      networkMode: 'bridge',
      containerDefinitions: [
        { ...GIVEN.containerDefinitions[0], image: `${REGISTRY}/billmeyer/mongodb:v1` },
        { ...GIVEN.containerDefinitions[1], image: `${REGISTRY}/example/web:v1` },
        GIVEN.containerDefinitions[2],
      ],
    });
    expect([...r.habitatServices.keys()]).toEqual(['db']);
    expect([...r.builtServices.keys()]).toEqual(['web']);
    expect(r.builds.map((b) => b.repository)).toEqual(['example/web']);
  });

  test('pinned by digest once pushed', () => {
    const digest = `${REGISTRY}/billmeyer/mongodb@sha256:${'a'.repeat(64)}`;
    const r = render(JSON.stringify(GIVEN), undefined, new Map([['billmeyer/mongodb', digest]]));
    expect(r.taskDefinition.containerDefinitions?.[0]?.image).toBe(digest);
  });

  test('what is not a task definition is an error at its line', () => {
    let thrown: unknown;
    try {
      render('{\n  "family": "x",\n  "containerDefinitions": [\n    {"name": "a"}\n  ]\n}\n');
    } catch (e) {
      thrown = e;
    }
    expect((thrown as UserError).diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        /td\.json:4:5: containerDefinitions\.0: a container definition needs a name and an image$/,
      ),
    ]);
  });
});
