import { trustOf } from '../../src/verify/trust';

const policy = (...Statement: object[]) =>
  encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement }));
const allow = (Principal: unknown, Action: unknown = 'sts:AssumeRole') => ({
  Effect: 'Allow',
  Principal,
  Action,
});

describe('trustOf', () => {
  test.each([
    ['the service as a string', policy(allow({ Service: 'ecs-tasks.amazonaws.com' }))],
    ['the service in a list', policy(allow({ Service: ['ec2.amazonaws.com', 'ecs-tasks.amazonaws.com'] }))],
    [
      'actions in a list',
      policy(allow({ Service: 'ecs-tasks.amazonaws.com' }, ['sts:TagSession', 'sts:AssumeRole'])),
    ],
    ['sts:*', policy(allow({ Service: 'ecs-tasks.amazonaws.com' }, 'sts:*'))],
    ['any principal', policy(allow('*'))],
    [
      'a single statement, not a list',
      encodeURIComponent(JSON.stringify({ Statement: allow({ Service: 'ecs-tasks.amazonaws.com' }) })),
    ],
    ['plain JSON', JSON.stringify({ Statement: [allow({ Service: 'ecs-tasks.amazonaws.com' })] })],
    [
      'a statement with the conditions ECS recommends',
      policy({
        ...allow({ Service: 'ecs-tasks.amazonaws.com' }),
        Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
      }),
    ],
  ])('trusts ECS tasks with %s', (_what, document) => {
    expect(trustOf(document)).toEqual({ trusted: true });
  });

  test.each([
    ['another service', policy(allow({ Service: 'ec2.amazonaws.com' })), 'no-statement'],
    [
      'another action',
      policy(allow({ Service: 'ecs-tasks.amazonaws.com' }, 'sts:AssumeRoleWithWebIdentity')),
      'no-statement',
    ],
    ['an AWS principal', policy(allow({ AWS: 'arn:aws:iam::123456789012:root' })), 'no-statement'],
    [
      'an Allow undone by a Deny',
      policy(allow({ Service: 'ecs-tasks.amazonaws.com' }), {
        ...allow({ Service: 'ecs-tasks.amazonaws.com' }),
        Effect: 'Deny',
      }),
      'denied',
    ],
    ['no statements', policy(), 'no-statement'],
    ['text that is not JSON', '%7Bnot json', 'unreadable'],
  ])('does not with %s', (_what, document, reason) => {
    expect(trustOf(document)).toEqual({ trusted: false, reason });
  });
});
