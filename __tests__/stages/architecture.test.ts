import { checkExportArchitecture } from '../../src/stages/architecture';
import { UserError } from '../../src/diagnostics';

describe('checkExportArchitecture: exports run on a runner of the task architecture', () => {
  const arm = {
    runtimePlatform: { cpuArchitecture: 'ARM64' as const, operatingSystemFamily: 'LINUX' as const },
  };
  test('a matching runner, or nothing to export, passes', () => {
    expect(() => checkExportArchitecture(arm, 2, 'arm64')).not.toThrow();
    expect(() => checkExportArchitecture({}, 2, 'x64')).not.toThrow();
    expect(() => checkExportArchitecture(arm, 0, 'x64')).not.toThrow();
  });

  test('an ARM64 task exported on an x64 runner is refused, naming the runner label', () => {
    let thrown: unknown;
    try {
      checkExportArchitecture(arm, 1, 'x64');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(UserError);
    const [d] = (thrown as UserError).diagnostics;
    expect(d?.input).toBe('runtime-platform');
    expect(d?.message).toContain('the task runs on ARM64 (its runtime platform), but this runner is X86_64');
    expect(d?.message).toContain('runs-on: ubuntu-24.04-arm');
  });

  test('a task without a platform runs on X86_64, so an arm64 runner may not export for it', () => {
    expect(() => checkExportArchitecture({}, 1, 'arm64')).toThrow(
      /names no runtime platform, so ECS runs it on X86_64, but this runner is ARM64/,
    );
  });
});
