import {
  canonicalTaskDefinition,
  normalizeTaskDefinition,
  sameTaskDefinition,
} from '../../src/ecs/normalize';
import { describedTaskDefinition, registerInput } from './fixtures';

describe('sameTaskDefinition', () => {
  it('treats what DescribeTaskDefinition returns as the same as what was registered', () => {
    expect(sameTaskDefinition(describedTaskDefinition(), registerInput())).toBe(true);
    expect(canonicalTaskDefinition(registerInput())).toBe(canonicalTaskDefinition(describedTaskDefinition()));
  });

  it('strips metadata ECS adds and keeps content', () => {
    const n = normalizeTaskDefinition(describedTaskDefinition());
    for (const key of [
      'taskDefinitionArn',
      'revision',
      'status',
      'requiresAttributes',
      'compatibilities',
      'registeredAt',
      'registeredBy',
    ]) {
      expect(n).not.toHaveProperty(key);
    }
    expect(n).toMatchObject({ family: 'shop', cpu: '512', memory: '1024', networkMode: 'awsvpc' });
  });

  it('ignores tags, which are not content', () => {
    expect(
      sameTaskDefinition({ ...registerInput(), tags: [{ key: 'sha', value: 'abc' }] }, registerInput()),
    ).toBe(true);
  });

  it('sees a new image digest', () => {
    const next = registerInput();
    next.containerDefinitions![0]!.image =
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web@sha256:cccc';
    expect(sameTaskDefinition(describedTaskDefinition(), next)).toBe(false);
  });

  it('sees a changed environment value but not a reordered environment', () => {
    const reordered = registerInput();
    reordered.containerDefinitions![0]!.environment!.reverse();
    expect(sameTaskDefinition(describedTaskDefinition(), reordered)).toBe(true);
    const changed = registerInput();
    changed.containerDefinitions![0]!.environment![2] = { name: 'LOG_LEVEL', value: 'debug' };
    expect(sameTaskDefinition(describedTaskDefinition(), changed)).toBe(false);
  });

  it('keeps container order and essential=false meaningful', () => {
    const swapped = registerInput();
    swapped.containerDefinitions!.reverse();
    expect(sameTaskDefinition(describedTaskDefinition(), swapped)).toBe(false);
    const essential = registerInput();
    essential.containerDefinitions![1]!.essential = true;
    expect(sameTaskDefinition(describedTaskDefinition(), essential)).toBe(false);
  });

  it('fills in the network mode ECS picks when it is left out', () => {
    const ec2 = { family: 'x', containerDefinitions: [{ name: 'a', image: 'a', memory: 128 }] };
    expect(sameTaskDefinition(ec2, { ...ec2, networkMode: 'bridge' })).toBe(true);
    expect(sameTaskDefinition(ec2, { ...ec2, networkMode: 'host' })).toBe(false);
    const fargate = { ...ec2, requiresCompatibilities: ['FARGATE' as const] };
    expect(sameTaskDefinition(fargate, { ...fargate, networkMode: 'awsvpc' })).toBe(true);
  });

  it('keeps a bridge-mode host port that differs from the container port', () => {
    const a = {
      family: 'x',
      containerDefinitions: [
        { name: 'a', image: 'a', memory: 128, portMappings: [{ containerPort: 80, hostPort: 8080 }] },
      ],
    };
    const b = {
      family: 'x',
      containerDefinitions: [{ name: 'a', image: 'a', memory: 128, portMappings: [{ containerPort: 80 }] }],
    };
    expect(sameTaskDefinition(a, b)).toBe(false);
    const dynamic = {
      family: 'x',
      containerDefinitions: [
        { name: 'a', image: 'a', memory: 128, portMappings: [{ containerPort: 80, hostPort: 0 }] },
      ],
    };
    expect(sameTaskDefinition(dynamic, b)).toBe(true);
  });
});
