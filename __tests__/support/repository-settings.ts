import * as path from 'node:path';
import { parseConfig } from '../../src/inputs/parse';
import type { InputName } from '../../src/inputs/spec';
import type { RepositorySettings } from '../../src/registry/ecr';

const ONLY: Partial<Record<InputName, string>> = { cluster: 'c', service: 's' };

/**
 * What new repositories get when no input says otherwise: action.yml's defaults, read the way the
 * action reads them (a deploy of the reference example that sets only cluster and service).
 */
export const DEFAULT_REPOSITORY_SETTINGS: RepositorySettings = parseConfig(
  (name) => ONLY[name] ?? '',
  { AWS_REGION: 'us-east-1' },
  {
    eventName: 'push',
    ref: 'refs/heads/main',
    sha: '0123456789abcdef0123456789abcdef01234567',
    workspace: path.resolve(__dirname, '../../examples/national-parks'),
  },
).repository;
