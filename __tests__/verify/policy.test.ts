import { accessOf } from '../../src/verify/policy';

const doc = (...Statement: object[]) =>
  encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement }));
const OBJECT = 'arn:aws:s3:::cfg/web/prod.env';

describe('accessOf: what a role’s own policies say of one action on one resource', () => {
  test('an Allow whose Action and Resource match, with wildcards and any case of the action', () => {
    expect(
      accessOf(
        [doc({ Effect: 'Allow', Action: 'S3:Get*', Resource: 'arn:aws:s3:::cfg/*' })],
        's3:GetObject',
        OBJECT,
      ),
    ).toBe('allowed');
    expect(
      accessOf(
        [JSON.stringify({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } })],
        's3:GetObject',
        OBJECT,
      ),
    ).toBe('allowed');
  });

  test('nothing matching: not allowed', () => {
    expect(
      accessOf(
        [doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::other/*' })],
        's3:GetObject',
        OBJECT,
      ),
    ).toBe('not-allowed');
    expect(accessOf([doc({ Effect: 'Allow', Action: 'ecr:*', Resource: '*' })], 's3:GetObject', OBJECT)).toBe(
      'not-allowed',
    );
    expect(accessOf([], 's3:GetObject', OBJECT)).toBe('not-allowed');
    expect(accessOf(['not json'], 's3:GetObject', OBJECT)).toBe('not-allowed');
  });

  test('an explicit Deny wins over any Allow, in any policy', () => {
    expect(
      accessOf(
        [
          doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
          doc({ Effect: 'Deny', Action: 's3:GetObject', Resource: OBJECT }),
        ],
        's3:GetObject',
        OBJECT,
      ),
    ).toBe('denied');
  });

  test('NotAction and NotResource match what they do not name', () => {
    expect(
      accessOf([doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })], 's3:GetObject', OBJECT),
    ).toBe('allowed');
    expect(
      accessOf(
        [doc({ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::cfg/*' })],
        's3:GetObject',
        OBJECT,
      ),
    ).toBe('not-allowed');
  });

  test('a statement with a condition decides nothing for sure', () => {
    const conditional = {
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'true' } },
    };
    expect(accessOf([doc(conditional)], 's3:GetObject', OBJECT)).toBe('conditional');
    expect(
      accessOf(
        [doc(conditional, { Effect: 'Allow', Action: 's3:*', Resource: '*' })],
        's3:GetObject',
        OBJECT,
      ),
    ).toBe('allowed');
  });
});
