import type { ExportSettings } from '../habitat/export-command';
import type { Fail } from './files';
import type { InputName } from './spec';
import { bool } from './values';

/** A Builder channel: letters, digits, `_`, `.` and `-`, not starting with `-` (hab would read a flag). */
const CHANNEL = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/;

/** habitat-channel, habitat-builder-url (else HAB_BLDR_URL), habitat-base-packages-channel, habitat-multi-layer. */
export function readExportSettings(
  get: (name: InputName) => string,
  env: NodeJS.ProcessEnv,
  fail: Fail,
): ExportSettings {
  const channel = (name: InputName): string | undefined => {
    const value = get(name);
    if (value === '') return undefined;
    if (!CHANNEL.test(value)) {
      fail(
        name,
        `${JSON.stringify(value)} is not a channel name: letters, digits, "_", "." and "-", not starting with "-"`,
      );
    }
    return value;
  };
  const fromInput = get('habitat-builder-url');
  const builderUrl = fromInput || env.HAB_BLDR_URL || undefined;
  if (builderUrl !== undefined && !isHttpUrl(builderUrl)) {
    const from = fromInput ? '' : ' (from HAB_BLDR_URL)';
    fail(
      'habitat-builder-url',
      `${JSON.stringify(builderUrl)}${from} is not an http:// or https:// URL of a Builder`,
    );
  }
  const basePackagesChannel = channel('habitat-base-packages-channel');
  return {
    channel: channel('habitat-channel') ?? 'stable',
    multiLayer: bool(get('habitat-multi-layer'), 'habitat-multi-layer', fail),
    ...(builderUrl !== undefined && { builderUrl }),
    ...(basePackagesChannel !== undefined && { basePackagesChannel }),
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
