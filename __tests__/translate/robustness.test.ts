import { UserError } from '../../src/diagnostics';
import type { JsonValue } from '../../src/compose/types';
import { translateTaskDefinition } from '../../src/translate/taskdef';
import { fakeProject } from './fake-project';

/** Values of the wrong shape for every key: the translation must answer with a UserError, never crash. */
const WEIRD: JsonValue[] = [
  null, 1, 'x', true, [], {}, [null], [1], ['a:b:c:d'], { a: null }, { a: [] }, [{}], [{ target: null }], '::', '1-', -5, 1.5,
]; // prettier-ignore
const KEYS = [
  'ports', 'volumes', 'environment', 'command', 'entrypoint', 'healthcheck', 'depends_on', 'links', 'ulimits',
  'logging', 'tmpfs', 'devices', 'cap_add', 'extra_hosts', 'labels', 'deploy', 'mem_limit', 'cpus',
  'stop_grace_period', 'volumes_from', 'shm_size', 'sysctls', 'dns', 'security_opt', 'networks', 'network_mode',
  'hostname', 'user', 'secrets',
]; // prettier-ignore

test('malformed values give user errors, not crashes', () => {
  let rejected = 0;
  for (const key of KEYS) {
    for (const value of WEIRD) {
      for (const launchType of ['EC2', 'FARGATE'] as const) {
        try {
          // The canonical pass reads the value first, and may refuse it already.
          const project = fakeProject({ a: { image: 'x', [key]: value }, b: { image: 'y' } });
          translateTaskDefinition(project, {
            launchType,
            family: 'f',
            habitatServices: new Map(),
            habitat: { acceptLicense: true, healthChecks: false },
          });
        } catch (e) {
          if (!(e instanceof UserError))
            throw new Error(`${key}: ${JSON.stringify(value)} on ${launchType}: ${String(e)}`);
          rejected++;
        }
      }
    }
  }
  expect(rejected).toBeGreaterThan(KEYS.length);
});
