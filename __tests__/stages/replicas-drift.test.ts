import { formatDiagnostic } from '../../src/diagnostics';
import { replicasDrift } from '../../src/stages/services-plan';
import { renderServices } from '../translate/render-helper';

// deploy.replicas (or scale) sets a service's desired count when the action creates it; a service
// that runs another count keeps it, and the plan and the deploy say so at the key.

const compose = [
  'services:',
  '  db:',
  '    image: postgres',
  '    mem_limit: 256m',
  '    scale: 1',
  '  web:',
  '    image: nginx',
  '    mem_limit: 256m',
  '    deploy:',
  '      replicas: 3',
  '  worker:',
  '    image: worker',
  '    mem_limit: 256m',
  '',
].join('\n');

function drift(found: Record<string, number | undefined>): string[] {
  const r = renderServices(compose);
  const units = r.services.units.map((unit) => ({
    unit,
    service: `shop-${unit.name}`,
    ...(unit.name in found && { found: { desiredCount: found[unit.name] } }),
  }));
  return replicasDrift(r.project, units, 'prod').map((w) => formatDiagnostic(w).split(`${r.dir}/`).join(''));
}

test('a running desired count other than the replicas is a warning at the key, with the command that scales', () => {
  expect(drift({ db: 2, web: 1, worker: 5 })).toEqual([
    'docker-compose.yml:5:12: services.db.scale: is 1, but the ECS service shop-db has a desired count of 2, which a deploy leaves as it is: the count is set only when the action creates the service. To scale it: aws ecs update-service --cluster prod --service shop-db --desired-count 1',
    'docker-compose.yml:10:17: services.web.deploy.replicas: is 3, but the ECS service shop-web has a desired count of 1, which a deploy leaves as it is: the count is set only when the action creates the service. To scale it: aws ecs update-service --cluster prod --service shop-web --desired-count 3',
  ]);
});

test('nothing to say when the counts agree, the service is to be created, or no replicas are given', () => {
  expect(drift({ db: 1, web: 3, worker: 5 })).toEqual([]);
  expect(drift({})).toEqual([]);
});
