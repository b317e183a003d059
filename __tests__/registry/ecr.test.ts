import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  GetAuthorizationTokenCommand,
  type ECRClient,
} from '@aws-sdk/client-ecr';
import { UserError } from '../../src/diagnostics';
import {
  createRepositoryInput,
  ensureRepositories,
  getRegistryAuthorization,
  registryHost,
} from '../../src/registry/ecr';
import { RecordingLog } from '../support/recording-log';
import { DEFAULT_REPOSITORY_SETTINGS } from '../support/repository-settings';

function awsError(name: string, status = 400): Error {
  return Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status } });
}

/** An ECR client answering from a set of existing repositories. */
function fakeEcr(existing: string[], opts: { denyDescribe?: boolean; denyCreate?: boolean } = {}) {
  const repos = new Set(existing);
  const sent: unknown[] = [];
  const client = {
    send: async (command: unknown) => {
      sent.push(command);
      if (command instanceof DescribeRepositoriesCommand) {
        if (opts.denyDescribe) throw awsError('AccessDeniedException', 403);
        const name = command.input.repositoryNames?.[0] ?? '';
        if (!repos.has(name)) throw awsError('RepositoryNotFoundException');
        return { repositories: [{ repositoryName: name }] };
      }
      if (command instanceof CreateRepositoryCommand) {
        if (opts.denyCreate) throw awsError('AccessDeniedException', 403);
        const name = command.input.repositoryName ?? '';
        if (repos.has(name)) throw awsError('RepositoryAlreadyExistsException');
        repos.add(name);
        return { repository: { repositoryName: name } };
      }
      if (command instanceof GetAuthorizationTokenCommand) {
        return {
          authorizationData: [
            {
              authorizationToken: Buffer.from('AWS:secret-password:with-colon').toString('base64'),
              proxyEndpoint: 'https://123456789012.dkr.ecr.us-east-1.amazonaws.com',
            },
          ],
        };
      }
      throw new Error('unexpected command');
    },
  };
  return { client: client as unknown as ECRClient, sent, repos };
}

describe('ensureRepositories', () => {
  it('creates the missing ones with the settings and leaves existing ones alone', async () => {
    const ecr = fakeEcr(['billmeyer/mongodb']);
    const result = await ensureRepositories(
      ecr.client,
      ['billmeyer/mongodb', 'mattray/national-parks', 'mattray/national-parks'],
      {
        tagMutability: 'IMMUTABLE',
        scanOnPush: true,
        encryption: { type: 'KMS', kmsKey: 'arn:key' },
        tags: { team: 'x' },
      },
      new RecordingLog(),
    );
    expect(result).toEqual({ created: ['mattray/national-parks'], existing: ['billmeyer/mongodb'] });
    const create = ecr.sent.find(
      (c) => c instanceof CreateRepositoryCommand && c.input.repositoryName === 'mattray/national-parks',
    ) as CreateRepositoryCommand;
    expect(create.input).toEqual({
      repositoryName: 'mattray/national-parks',
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: { encryptionType: 'KMS', kmsKey: 'arn:key' },
      tags: [{ Key: 'team', Value: 'x' }],
    });
  });

  it('makes one call a repository: CreateRepository, where "already exists" is fine', async () => {
    const ecr = fakeEcr(['a/b'], { denyDescribe: true });
    const result = await ensureRepositories(
      ecr.client,
      ['a/b', 'c/d'],
      DEFAULT_REPOSITORY_SETTINGS,
      new RecordingLog(),
    );
    expect(result).toEqual({ created: ['c/d'], existing: ['a/b'] });
    expect(ecr.sent.map((c) => (c as object).constructor.name)).toEqual([
      'CreateRepositoryCommand',
      'CreateRepositoryCommand',
    ]);
  });

  it('without permission to create, a repository that exists is fine', async () => {
    const ecr = fakeEcr(['a/b'], { denyCreate: true });
    const result = await ensureRepositories(
      ecr.client,
      ['a/b'],
      DEFAULT_REPOSITORY_SETTINGS,
      new RecordingLog(),
    );
    expect(result).toEqual({ created: [], existing: ['a/b'] });
  });

  it('names the missing IAM permission when creating is denied', async () => {
    const ecr = fakeEcr([], { denyCreate: true });
    const attempt = ensureRepositories(ecr.client, ['a/b'], DEFAULT_REPOSITORY_SETTINGS, new RecordingLog());
    await expect(attempt).rejects.toThrow(UserError);
    await expect(attempt).rejects.toThrow(
      /creating ECR repository a\/b: access denied.*ecr:CreateRepository/,
    );
  });

  it('builds mutable, scanned, AES256 input without tags by default', () => {
    expect(createRepositoryInput('a/b', DEFAULT_REPOSITORY_SETTINGS)).toEqual({
      repositoryName: 'a/b',
      imageTagMutability: 'MUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: { encryptionType: 'AES256' },
    });
  });
});

describe('getRegistryAuthorization', () => {
  it('decodes the token and takes the host from proxyEndpoint', async () => {
    const auth = await getRegistryAuthorization(fakeEcr([]).client);
    expect(auth).toEqual({
      registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
      username: 'AWS',
      password: 'secret-password:with-colon',
    });
  });

  it('says which permission is missing when denied', async () => {
    const client = {
      send: async () => {
        throw awsError('AccessDeniedException', 403);
      },
    } as unknown as ECRClient;
    await expect(getRegistryAuthorization(client)).rejects.toThrow(/ecr:GetAuthorizationToken/);
  });

  it('keeps a port in the host', () => {
    expect(registryHost('https://localhost:5443')).toBe('localhost:5443');
    expect(registryHost('1.dkr.ecr.eu-west-1.amazonaws.com')).toBe('1.dkr.ecr.eu-west-1.amazonaws.com');
  });
});
