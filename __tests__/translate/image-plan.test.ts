import { UserError } from '../../src/diagnostics';
import { splitImage } from '../../src/translate/image-name';
import { ecrRegistry, planImages } from '../../src/translate/image-plan';
import { parsePackageSource } from '../../src/translate/habitat/package-source';
import { fakeProject } from './fake-project';

const registry = ecrRegistry('123456789012', 'us-east-1');
const packages = ['billmeyer/mongodb', 'mattray/national-parks'].map(parsePackageSource);

describe('planImages', () => {
  it('maps the reference example images, placeholder account and other region included', () => {
    const project = fakeProject({
      mongo: { image: 'aws_account_id.dkr.ecr.ap-southeast-2.amazonaws.com/billmeyer/mongodb:latest' },
      'national-parks': { image: 'mattray/national-parks' },
      proxy: { image: 'nginx:1.27' },
    });
    const plan = planImages(project, packages, { registry, imageTag: 'v1.0.0' });
    expect([...plan.services]).toEqual([
      [
        'mongo',
        {
          repository: 'billmeyer/mongodb',
          packageName: 'mongodb',
          image: `${registry}/billmeyer/mongodb:v1.0.0`,
        },
      ],
      [
        'national-parks',
        {
          repository: 'mattray/national-parks',
          packageName: 'national-parks',
          image: `${registry}/mattray/national-parks:v1.0.0`,
        },
      ],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('uses pushed digests when given', () => {
    const project = fakeProject({ mongo: { image: 'billmeyer/mongodb:latest' } });
    const pushed = `${registry}/billmeyer/mongodb@sha256:${'a'.repeat(64)}`;
    const plan = planImages(project, packages.slice(0, 1), {
      registry,
      imageTag: 'v1',
      images: new Map([['billmeyer/mongodb', pushed]]),
    });
    expect(plan.services.get('mongo')?.image).toBe(pushed);
  });

  it('adds packages named by x-habitat and keeps the extension', () => {
    const project = fakeProject({
      db: {
        image: 'my/db',
        'x-habitat': { package: 'core/mongodb/3.6.4', group: 'prod', 'health-check': true },
      },
    });
    const plan = planImages(project, [], { registry, imageTag: 't' });
    expect(plan.packages).toEqual([parsePackageSource('core/mongodb/3.6.4')]);
    expect(plan.services.get('db')).toEqual({
      repository: 'core/mongodb',
      packageName: 'mongodb',
      image: `${registry}/core/mongodb:t`,
      extension: { package: 'core/mongodb/3.6.4', group: 'prod', healthCheck: true },
    });
  });

  it('keeps the package name as written, while the repository is lower case', () => {
    const project = fakeProject({ app: { image: 'acme/myapp' } });
    const plan = planImages(project, [parsePackageSource('acme/MyApp')], { registry, imageTag: 't' });
    expect(plan.services.get('app')).toMatchObject({ repository: 'acme/myapp', packageName: 'MyApp' });
  });

  it('warns about a package no service uses', () => {
    const plan = planImages(fakeProject({ web: { image: 'nginx' } }), packages.slice(0, 1), {
      registry,
      imageTag: 't',
    });
    expect(plan.warnings.map((w) => w.message)).toEqual([
      'package billmeyer/mongodb is exported and pushed, but no compose service uses it',
    ]);
  });

  it('refuses a documentation placeholder image that no package provides', () => {
    const project = fakeProject({
      web: { image: 'aws_account_id.dkr.ecr.us-east-1.amazonaws.com/acme/web:latest' },
    });
    expect(() => planImages(project, packages, { registry, imageTag: 't' })).toThrow(
      /placeholder "aws_account_id" and acme\/web is not a Habitat package of this deploy: add acme\/web to habitat-packages/,
    );
  });

  it('reports every bad x-habitat key with its place', () => {
    const project = fakeProject({
      db: { image: 'x', 'x-habitat': { package: 'nope', ports: { gossip: 70000, web: 1 }, colour: 'red' } },
    });
    let caught: unknown;
    try {
      planImages(project, [], { registry, imageTag: 't' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).diagnostics.map((d) => `${d.path}: ${d.message}`)).toEqual([
      'services.db.x-habitat.package: "nope" is not a package: use origin/name, origin/name/version, origin/name/version/release or a path to a .hart file',
      'services.db.x-habitat.ports.gossip: must be a port number 1-65535, got 70000',
      'services.db.x-habitat.ports.web: unknown port "web": use gossip, http or ctl',
      'services.db.x-habitat.colour: unknown key "colour": x-habitat takes package, group, health-check, ports',
    ]);
  });
});

describe('splitImage', () => {
  it.each([
    ['nginx', { repository: 'nginx' }],
    ['nginx:1.27', { repository: 'nginx' }],
    ['localhost:5000/a/b:t', { host: 'localhost:5000', repository: 'a/b' }],
    [
      '1.dkr.ecr.x.amazonaws.com/Billmeyer/MongoDB@sha256:abc',
      { host: '1.dkr.ecr.x.amazonaws.com', repository: 'billmeyer/mongodb' },
    ],
  ])('%s', (image, expected) => expect(splitImage(image)).toEqual(expected));
});
