import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { UserError } from '../../src/diagnostics';
import { saveImage } from '../../src/image/docker-save';
import { entry, tarOf } from './tar-fixtures';

/** A `docker` on PATH that writes `archive` for `docker image save <id>` (and fails with `code`, if given). */
function fakeDocker(archive: Buffer, code = 0): NodeJS.ProcessEnv {
  const dir = mkdtempSync(path.join(tmpdir(), 'fake-docker-'));
  writeFileSync(path.join(dir, 'archive.tar'), archive);
  writeFileSync(
    path.join(dir, 'docker'),
    `#!/bin/sh\n[ "$1 $2" = "image save" ] || exit 64\ncat "${dir}/archive.tar"\n` +
      (code ? `echo "Error response from daemon: no such image: $3" >&2\nexit ${code}\n` : ''),
  );
  chmodSync(path.join(dir, 'docker'), 0o755);
  return { PATH: `${dir}:${process.env.PATH ?? ''}` };
}

const layer1 = tarOf([entry('hab/', { type: '5' }), entry('hab/IDENT', {}, 'core/glibc\n')]);
const layer2 = tarOf([entry('init.sh', { mode: 0o755 }, '#!/bin/sh\n')]);
const config = { architecture: 'amd64', rootfs: { type: 'layers', diff_ids: ['sha256:1', 'sha256:2'] } };

const out = () => path.join(mkdtempSync(path.join(tmpdir(), 'saved-')), 'image');

describe('saveImage', () => {
  it('reads the legacy format: <id>/layer.tar files, the config, manifest.json last', async () => {
    const archive = tarOf([
      entry('aaa/', { type: '5' }),
      { ...entry('aaa/layer.tar'), data: layer1 },
      entry('bbb/', { type: '5' }),
      { ...entry('bbb/layer.tar'), data: layer2 },
      entry('cfg.json', {}, JSON.stringify(config)),
      entry(
        'manifest.json',
        {},
        JSON.stringify([{ Config: 'cfg.json', RepoTags: null, Layers: ['aaa/layer.tar', 'bbb/layer.tar'] }]),
      ),
    ]);
    const saved = await saveImage('sha256:abc', out(), { env: fakeDocker(archive) });
    expect(saved.config).toEqual(config);
    expect(saved.layers.map((f) => readFileSync(f))).toEqual([layer1, layer2]);
  });

  it('reads the OCI layout of Docker 25: blobs, links from the legacy paths, a gzip layer decompressed', async () => {
    const archive = tarOf([
      entry('blobs/', { type: '5' }),
      entry('blobs/sha256/', { type: '5' }),
      { ...entry('blobs/sha256/111'), data: gzipSync(layer1) },
      { ...entry('blobs/sha256/222'), data: layer2 },
      entry('blobs/sha256/ccc', {}, JSON.stringify(config)),
      entry('old/', { type: '5' }),
      entry('old/layer.tar', { type: '2', linkname: '../blobs/sha256/222' }),
      entry('index.json', {}, '{}'),
      entry(
        'manifest.json',
        {},
        JSON.stringify([
          { Config: 'blobs/sha256/ccc', Layers: ['blobs/sha256/111', 'old/layer.tar', 'old/layer.tar'] },
        ]),
      ),
    ]);
    const saved = await saveImage('sha256:abc', out(), { env: fakeDocker(archive) });
    expect(saved.layers.map((f) => readFileSync(f))).toEqual([layer1, layer2, layer2]);
  });

  it('fails saying why when docker fails or the archive is not an image', async () => {
    await expect(saveImage('sha256:gone', out(), { env: fakeDocker(Buffer.alloc(0), 1) })).rejects.toThrow(
      /docker image save sha256:gone.*no such image/s,
    );
    const noManifest = tarOf([entry('x', {}, 'y')]);
    await expect(saveImage('sha256:abc', out(), { env: fakeDocker(noManifest) })).rejects.toThrow(UserError);
    const escape = tarOf([entry('../evil', {}, 'y')]);
    await expect(saveImage('sha256:abc', out(), { env: fakeDocker(escape) })).rejects.toThrow(
      /outside the archive/,
    );
  });
});
