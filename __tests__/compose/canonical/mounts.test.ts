import { canonicalOf, placed, refusals, service } from './load-yaml';

const read = (...lines: string[]) => placed(canonicalOf(service(...lines))) as Record<string, unknown>;

describe('volumes: short syntax -> long', () => {
  test('a host path is a bind mount, a name a volume, a lone path an anonymous volume', () => {
    expect(
      read('volumes:', '  - ./data:/data:ro', '  - cache:/cache', '  - /scratch', '  - ~/x:/x:rw'),
    ).toEqual({
      volumes: [
        {
          type: 'bind',
          source: './data',
          target: '/data',
          read_only: true,
          options: [],
          at: '5:9 services.a.volumes[0]',
        },
        {
          type: 'volume',
          source: 'cache',
          target: '/cache',
          read_only: false,
          options: [],
          at: '6:9 services.a.volumes[1]',
        },
        {
          type: 'volume',
          target: '/scratch',
          read_only: false,
          options: [],
          at: '7:9 services.a.volumes[2]',
        },
        {
          type: 'bind',
          source: '~/x',
          target: '/x',
          read_only: false,
          options: [],
          at: '8:9 services.a.volumes[3]',
        },
      ],
    });
  });

  test('options other than ro and rw are kept, as written, for the translation to judge', () => {
    expect(read('volumes:', '  - /host:/c:ro,z,nocopy').volumes).toEqual([
      {
        type: 'bind',
        source: '/host',
        target: '/c',
        read_only: true,
        options: ['z', 'nocopy'],
        at: '5:9 services.a.volumes[0]',
      },
    ]);
  });

  test('the long syntax reads into the same shapes; its type wins over the look of the source', () => {
    const volumes = [
      '  - { type: volume, source: ./odd, target: /a, read_only: true }',
      '  - { source: /srv, target: /b }',
      '  - { type: tmpfs, target: /t, tmpfs: { size: 64m, mode: 1777 } }',
      '  - { type: npipe, source: x, target: /p }',
    ];
    expect(read('volumes:', ...volumes).volumes).toEqual([
      {
        type: 'volume',
        source: './odd',
        target: '/a',
        read_only: true,
        options: [],
        at: '5:9 services.a.volumes[0]',
      },
      {
        type: 'bind',
        source: '/srv',
        target: '/b',
        read_only: false,
        options: [],
        at: '6:9 services.a.volumes[1]',
      },
      { type: 'tmpfs', target: '/t', size: '64m', options: ['mode=1777'], at: '7:9 services.a.volumes[2]' },
      { type: 'other', written: 'npipe', at: '8:17 services.a.volumes[3].type' },
    ]);
  });

  test('tmpfs: one path or a list, size taken out of the options', () => {
    expect(read('tmpfs: /run:size=64m,uid=1000').tmpfs).toEqual([
      { type: 'tmpfs', target: '/run', size: '64m', options: ['uid=1000'], at: '4:12 services.a.tmpfs' },
    ]);
    expect(read('tmpfs: [/run, /tmp]').tmpfs).toEqual([
      { type: 'tmpfs', target: '/run', options: [], at: '4:13 services.a.tmpfs[0]' },
      { type: 'tmpfs', target: '/tmp', options: [], at: '4:19 services.a.tmpfs[1]' },
    ]);
  });

  test('volumes_from: a service with a mode, or a container', () => {
    const compose = `${service('volumes_from: [b:ro, b, "container:c:rw"]')}  b:\n    image: y\n`;
    expect(placed(canonicalOf(compose).volumes_from)).toEqual([
      { type: 'service', source: 'b', read_only: true, at: '4:20 services.a.volumes_from[0]' },
      { type: 'service', source: 'b', read_only: false, at: '4:26 services.a.volumes_from[1]' },
      { type: 'container', source: 'c', read_only: false, at: '4:29 services.a.volumes_from[2]' },
    ]);
  });
});

describe('mounts the canonical pass refuses, once, at their line', () => {
  test('a mount string with an empty part or too many parts', () => {
    expect(refusals(service('volumes:', '  - data::/x', '  - a:/b:ro:z'))).toEqual([
      'docker-compose.yml:5:9: services.a.volumes[0]: "data::/x" is not a mount; write [source:]target[:ro]',
      'docker-compose.yml:6:9: services.a.volumes[1]: "a:/b:ro:z" is not a mount; write [source:]target[:ro]',
    ]);
  });

  test('a volumes_from mode other than ro or rw', () => {
    expect(refusals(`${service('volumes_from:', '  - b:rx')}  b:\n    image: y\n`)).toEqual([
      'docker-compose.yml:5:9: services.a.volumes_from[0]: mode "rx" must be ro or rw',
    ]);
  });
});
