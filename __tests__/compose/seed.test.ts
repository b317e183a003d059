import * as path from 'node:path';
import { loadComposeProject } from '../../src/compose/load';

// The reference example as the repository holds it: the tests must run in any clone.
const EXAMPLE = path.resolve(__dirname, '../../examples/national-parks');
const SEED = path.join(EXAMPLE, 'docker-compose.yml');

describe('the seed example', () => {
  const project = loadComposeProject({ files: [SEED], environment: {} });

  it('has both services, in file order, in compose short forms', () => {
    expect([...project.services.keys()]).toEqual(['mongo', 'national-parks']);
    expect(project.services.get('mongo')?.definition).toEqual({
      image: 'aws_account_id.dkr.ecr.ap-southeast-2.amazonaws.com/billmeyer/mongodb:latest',
      hostname: 'mongodb',
    });
    expect(project.services.get('national-parks')?.definition).toEqual({
      image: 'aws_account_id.dkr.ecr.ap-southeast-2.amazonaws.com/mattray/national-parks:latest',
      ports: ['8080:8080'],
      links: ['mongo'],
      command: '--peer mongodb --bind database:mongodb.default',
    });
    expect(project.workingDir).toBe(EXAMPLE);
    expect(project.warnings).toEqual([]);
  });

  it('locates keys and values where they were written', () => {
    expect(project.locate(['services', 'mongo'])).toEqual({ file: SEED, line: 3, column: 3 });
    expect(project.locate(['services', 'mongo', 'hostname'])).toEqual({ file: SEED, line: 5, column: 15 });
    expect(project.locate(['services', 'national-parks', 'ports'])).toEqual({
      file: SEED,
      line: 8,
      column: 5,
    });
    expect(project.locate(['services', 'national-parks', 'ports', 0])).toEqual({
      file: SEED,
      line: 9,
      column: 9,
    });
    expect(project.locate(['services', 'national-parks', 'command'])).toEqual({
      file: SEED,
      line: 12,
      column: 14,
    });
    expect(project.locate(['services', 'nope'])).toBeUndefined();
  });
});
