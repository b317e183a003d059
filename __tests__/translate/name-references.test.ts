import { nameOccurs, replaceName } from '../../src/translate/name-references';
import { renderErrors, renderWarnings, renderYaml } from './render-helper';

const mem = '    mem_limit: 64m\n';

describe('a name one service uses for another', () => {
  test.each([
    ['db', true],
    ['db:5432', true],
    ['postgres://user@db/app', true],
    ['http://db.', true],
    ['--host=db', true],
    ['db.example.com', false],
    ['mydb', false],
    ['db_backup', false],
    ['db-1', false],
  ])('%s names db: %s', (text, named) => {
    expect(nameOccurs(text, 'db')).toBe(named);
  });

  test('is replaced wherever it is a whole host name, and a replacement is never replaced again', () => {
    expect(replaceName('db:5432,db/x dbx', 'db', 'db.app.internal')).toBe(
      'db.app.internal:5432,db.app.internal/x dbx',
    );
    expect(replaceName('db.app.internal:5432', 'db', 'db.app.internal')).toBe('db.app.internal:5432');
  });
});

describe('the task layout makes the names resolve', () => {
  test('bridge: a mutual pair without depends_on is an error that says how to break it', () => {
    expect(
      renderErrors(
        `services:\n  a:\n    image: x\n${mem}    environment:\n      PEER: b\n  b:\n    image: y\n${mem}    environment:\n      PEER: a\n`,
      ),
    ).toEqual([
      'docker-compose.yml:6:13: services.a.environment.PEER: a names "b" (environment PEER) and b names "a" (environment PEER): each needs a link to the other in bridge network mode, and ECS refuses links in a cycle; let only one name the other (add depends_on to the one that connects, and the link follows it), or use layout: services, where each is a service of its own reached by its name',
    ]);
  });

  test('bridge: a name already linked needs nothing; a hostname gets the link to its service', () => {
    const r = renderYaml(
      `services:\n  a:\n    image: x\n${mem}    links: [b]\n    environment:\n      B: b\n      C: cachehost:6379\n  b:\n    image: y\n${mem}  c:\n    image: z\n${mem}    hostname: cachehost\n`,
    );
    expect(r.taskDefinition.containerDefinitions?.[0]?.links).toEqual(['b', 'c']);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'added links: ["c"] to "a": its environment C names "cachehost", which resolves only through a link in bridge network mode',
    ]);
  });

  test('the Supervisor arguments of a Habitat service are left to the Habitat pass', () => {
    const warnings = renderWarnings(
      `services:\n  mongo:\n    image: billmeyer/mongodb\n${mem}  parks:\n    image: mattray/national-parks\n${mem}    command: --peer mongo\n`,
      { packages: ['billmeyer/mongodb', 'mattray/national-parks'] },
    );
    expect(warnings.filter((w) => w.includes('added links'))).toEqual([
      'docker-compose.yml:8:14: services.parks.command: added links: ["mongo"] to "parks": its --peer mongo resolves only through a link in bridge network mode',
    ]);
  });
});
