import { comparePaths, LAYER_EPOCH, normalizeEntries } from '../../src/image/normalize';
import { entry } from './tar-fixtures';

describe('comparePaths', () => {
  it('puts a directory right before what is under it, component by component', () => {
    const names = ['hab/pkgs-x', 'hab/pkgs/b', 'hab/', 'hab/pkgs/', './hab/pkgs/a', 'hab-1'];
    expect([...names].sort(comparePaths)).toEqual([
      'hab/',
      'hab/pkgs/',
      './hab/pkgs/a',
      'hab/pkgs/b',
      'hab/pkgs-x',
      'hab-1',
    ]);
  });
});

describe('normalizeEntries', () => {
  it('clamps times to the epoch, clears user and group names, keeps owners, modes and links', () => {
    // Sorted: bin/sh, hab/, old.
    const [link, dir, old] = normalizeEntries([
      entry('hab/', { type: '5', mode: 0o755, mtime: 1_795_912_205, uid: 42, gid: 42 }),
      entry('old', { mtime: 100 }),
      entry('bin/sh', { type: '2', linkname: 'busybox', mode: 0o777, mtime: 1_795_912_203 }),
    ]);
    expect(link).toMatchObject({ name: 'bin/sh', linkname: 'busybox', mode: 0o777, mtime: LAYER_EPOCH });
    expect(dir).toMatchObject({ mode: 0o755, uid: 42, gid: 42, uname: '', gname: '', mtime: LAYER_EPOCH });
    expect(old?.mtime).toBe(100);
  });

  it('sorts the entries; two listings of the same layer come out the same', () => {
    const a = [entry('b'), entry('a/'), entry('a/z'), entry('a/c')];
    const b = [entry('a/c', { mtime: 2_000_000_000 }), entry('a/'), entry('b'), entry('a/z')];
    expect(normalizeEntries(a).map((e) => e.name)).toEqual(['a/', 'a/c', 'a/z', 'b']);
    expect(normalizeEntries(a)).toEqual(normalizeEntries(b));
  });

  it('moves a hard link after its target, and keeps a path listed twice in its order', () => {
    const out = normalizeEntries([
      entry('a-link', { type: '1', linkname: 'z-target' }),
      entry('z-target', {}, 'data'),
      entry('dup', {}, 'first'),
      entry('dup', {}, 'second'),
    ]);
    expect(out.map((e) => e.name)).toEqual(['dup', 'dup', 'z-target', 'a-link']);
    expect(out.slice(0, 2).map((e) => e.data.toString())).toEqual(['first', 'second']);
  });

  it('gives header-only entries no size and only devices device numbers', () => {
    const [dev, dir] = normalizeEntries([
      entry('dev/null', { type: '3', devmajor: 1, devminor: 3 }),
      entry('dir', { type: '5', size: 7, devmajor: 9 }),
    ]);
    expect([dev?.devmajor, dev?.devminor]).toEqual([1, 3]);
    expect([dir?.size, dir?.devmajor]).toEqual([0, 0]);
  });
});
