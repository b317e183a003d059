import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { outsideRoot } from '../src/workspace-path';

describe('outsideRoot', () => {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'root-')));
  const ws = path.join(base, 'ws');
  fs.mkdirSync(path.join(ws, 'sub'), { recursive: true });
  fs.writeFileSync(path.join(base, 'secret.env'), 'TOKEN=x\n');
  fs.writeFileSync(path.join(ws, 'sub', 'ok.env'), 'A=1\n');
  fs.symlinkSync(path.join(base, 'secret.env'), path.join(ws, 'link.env'));
  fs.symlinkSync(base, path.join(ws, 'up'));
  fs.symlinkSync(path.join(ws, 'sub', 'ok.env'), path.join(ws, 'inner.env'));
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('accepts files inside, relative or absolute, also through a link that stays inside', () => {
    expect(outsideRoot(ws, 'sub/ok.env')).toBeUndefined();
    expect(outsideRoot(ws, path.join(ws, 'sub', '..', 'sub', 'ok.env'))).toBeUndefined();
    expect(outsideRoot(ws, 'inner.env')).toBeUndefined();
    expect(outsideRoot(ws, '..hidden.env')).toBeUndefined();
    expect(outsideRoot(ws, 'missing.env')).toBeUndefined();
  });

  it('refuses .. and absolute paths that leave, existing or not', () => {
    expect(outsideRoot(ws, '../secret.env')).toBe(`is outside ${ws}`);
    expect(outsideRoot(ws, 'sub/../../nowhere.env')).toBe(`is outside ${ws}`);
    expect(outsideRoot(ws, '/etc/passwd')).toBe(`is outside ${ws}`);
  });

  it('follows symlinks: to a file or through a directory outside', () => {
    const target = path.join(base, 'secret.env');
    expect(outsideRoot(ws, 'link.env')).toBe(`is a symlink to ${target}, outside ${ws}`);
    expect(outsideRoot(ws, 'up/secret.env')).toBe(`is a symlink to ${target}, outside ${ws}`);
  });

  it('judges a workspace reached through a symlink by where it really is', () => {
    const alias = path.join(base, 'alias');
    fs.symlinkSync(ws, alias);
    expect(outsideRoot(alias, 'sub/ok.env')).toBeUndefined();
    expect(outsideRoot(alias, 'link.env')).toMatch(/^is a symlink to .*secret\.env, outside /);
  });
});
