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
  const from = fromInput ? '' : ' (from HAB_BLDR_URL)';
  if (builderUrl !== undefined && !isHttpUrl(builderUrl)) {
    fail(
      'habitat-builder-url',
      `${JSON.stringify(builderUrl)}${from} is not an http:// or https:// URL of a Builder`,
    );
  } else if (builderUrl !== undefined && env.HAB_AUTH_TOKEN && inClear(builderUrl)) {
    // Refused, not dropped: without the token a private origin's package is "not found", far
    // from the cause; with it, the token crosses the network readable by anyone on the path.
    fail(
      'habitat-builder-url',
      `${JSON.stringify(builderUrl)}${from} is plain http, and HAB_AUTH_TOKEN is set: hab and the release lookup would send the token in clear. Use the Builder's https:// URL, or leave HAB_AUTH_TOKEN out of this step if its origins are public`,
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

/** An http:// URL off this machine: loopback traffic never reaches a network. */
function inClear(value: string): boolean {
  const url = new URL(value);
  const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname);
  return url.protocol === 'http:' && !loopback;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
