import { discoveryUpdate } from '../../src/ecs/discovery';

const registry = (id: string) => ({ registryArn: `arn:aws:servicediscovery:us-east-1:1:service/${id}` });
const connect = (namespace: string, aliases: [string, number][]) => ({
  enabled: true,
  namespace,
  services: aliases.map(([dnsName, port]) => ({
    portName: `${dnsName}-${port}`,
    discoveryName: `${dnsName}-${port}`,
    clientAliases: [{ dnsName, port }],
  })),
});

describe('discoveryUpdate', () => {
  test('nothing to change when the service has the registries and its PRIMARY deployment the Service Connect asked for', () => {
    const ns = 'arn:aws:servicediscovery:us-east-1:1:namespace/ns-1';
    const out = discoveryUpdate(
      {
        serviceRegistries: [registry('srv-web')],
        deployments: [{ status: 'PRIMARY', serviceConnectConfiguration: connect(ns, [['web', 80]]) }],
      },
      { serviceRegistries: [registry('srv-web')], serviceConnectConfiguration: connect(ns, [['web', 80]]) },
    );
    expect(out).toEqual({ fields: {}, changes: [] });
  });

  test('a service without them gets both, each change said in a line', () => {
    const wanted = {
      serviceRegistries: [registry('srv-web')],
      serviceConnectConfiguration: connect('arn:ns', [['web', 80]]),
    };
    const out = discoveryUpdate({ deployments: [{ status: 'PRIMARY' }] }, wanted);
    expect(out.fields).toEqual(wanted);
    expect(out.changes).toEqual([
      'Cloud Map registries: none -> arn:aws:servicediscovery:us-east-1:1:service/srv-web',
      'Service Connect: off -> on in arn:ns: web:80',
    ]);
  });

  test('a new alias is a change; a client-only configuration says so', () => {
    const out = discoveryUpdate(
      { deployments: [{ status: 'PRIMARY', serviceConnectConfiguration: connect('arn:ns', [['web', 80]]) }] },
      { serviceConnectConfiguration: { enabled: true, namespace: 'arn:ns' } },
    );
    expect(out.changes).toEqual(['Service Connect: on in arn:ns: web:80 -> on in arn:ns (client only)']);
  });
});
