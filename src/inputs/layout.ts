import type { Layout } from '../translate/context';
import type { Fail } from './files';
import type { Preview } from './pull-request';
import { oneOf } from './values';

/**
 * A Cloud Map private DNS namespace name: DNS labels of letters, digits and `-`, dot-separated, at
 * most 253 characters (https://docs.aws.amazon.com/cloud-map/latest/api/API_CreatePrivateDnsNamespace.html).
 */
const NAMESPACE = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * The layout input, and the namespace of the services layout: the input, else `<service>.internal`
 * (`.internal` is reserved for private use, so it never clashes with a public name). A preview
 * gets its own, since Service Connect's names must be unique in a namespace and the preview's
 * services have the same ones as the deploy's: its service name carries `-pr-<n>` already, and a
 * namespace given gets it after its first label (`app.internal` -> `app-pr-7.internal`): beside the
 * deploy's rather than inside it, so that no private zone of the VPC holds another's names.
 */
export function readLayout(
  layout: string,
  namespace: string,
  service: string | undefined,
  preview: Preview | undefined,
  fail: Fail,
): Layout {
  const kind = oneOf(layout, ['task', 'services'] as const, 'layout', fail) ?? 'task';
  if (kind === 'task') {
    if (namespace !== '') fail('namespace', 'is for layout: services; remove it, or set layout: services');
    return { kind };
  }
  if (namespace !== '' && !NAMESPACE.test(namespace)) {
    fail(
      'namespace',
      `${JSON.stringify(namespace)} is not a private DNS namespace name such as app.internal: lowercase labels of letters, digits and -, separated by dots`,
    );
  }
  const name = namespace !== '' ? previewNamespace(namespace, preview) : defaultNamespace(service ?? 'app');
  return { kind, namespace: name };
}

/** `<name>.internal`, the name made a DNS label. */
function defaultNamespace(name: string): string {
  const label =
    name
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 63)
      .replace(/-+$/, '') || 'app';
  return `${label}.internal`;
}

/** A preview's own namespace beside the one given: `-pr-<n>` after its first label. */
function previewNamespace(namespace: string, preview: Preview | undefined): string {
  if (!preview) return namespace;
  const dot = namespace.indexOf('.');
  const [first, rest] = dot < 0 ? [namespace, ''] : [namespace.slice(0, dot), namespace.slice(dot)];
  return `${first.slice(0, 63 - `-pr-${preview.number}`.length)}-pr-${preview.number}${rest}`;
}
