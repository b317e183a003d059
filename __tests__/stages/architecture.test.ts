import { checkBuildArchitecture, checkExportArchitecture } from '../../src/stages/architecture';
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

describe('checkBuildArchitecture: a build for another architecture needs an emulator', () => {
  const build = (platform: string) => ({
    platform,
    services: ['web'],
    places: {
      context: { path: ['services', 'web', 'build', 'context'] },
      dockerfile: { path: ['services', 'web', 'build', 'dockerfile'] },
    },
  });
  const none = () => false;

  test("the runner's own architecture, or one an emulator runs, passes", () => {
    expect(() => checkBuildArchitecture([build('linux/amd64')], 'x64', none)).not.toThrow();
    expect(() => checkBuildArchitecture([build('linux/arm64')], 'arm64', none)).not.toThrow();
    expect(() => checkBuildArchitecture([build('linux/arm64')], 'x64', (a) => a === 'ARM64')).not.toThrow();
  });

  test('linux/arm64 on an x64 runner without QEMU is refused at the build, naming the runner label', () => {
    expect(() => checkBuildArchitecture([build('linux/arm64/v8')], 'x64', none)).toThrow(UserError);
    try {
      checkBuildArchitecture([build('linux/arm64')], 'x64', none);
    } catch (e) {
      const [d] = (e as UserError).diagnostics;
      expect(d?.path).toBe('services.web.build.context');
      expect(d?.message).toContain('cannot build web for linux/arm64 on this runner: it is X86_64');
      expect(d?.message).toContain('runs-on: ubuntu-24.04-arm');
      expect(d?.message).toContain('docker/setup-qemu-action');
    }
  });
});
