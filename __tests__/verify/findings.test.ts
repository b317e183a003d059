import { Findings } from '../../src/verify/findings';

function awsError(name: string, status: number, message = 'no'): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

const place = (line: number) => ({ location: { file: 'ecs-params.yml', line, column: 5 } });

describe('Findings.failed', () => {
  test('denials of one permission are one warning at the first place, naming the permission', () => {
    const f = new Findings();
    f.failed(awsError('AccessDeniedException', 400), {
      permission: 'ssm:GetParameter',
      what: 'SSM parameter /a',
      place: place(3),
    });
    f.failed(awsError('AccessDeniedException', 400), {
      permission: 'ssm:GetParameter',
      what: 'SSM parameter /b',
      place: place(4),
    });
    f.failed(awsError('AccessDenied', 403), {
      permission: 'iam:GetRole',
      what: 'the task role r',
      place: place(2),
    });
    f.failed(awsError('UnauthorizedOperation', 403), {
      permission: 'ec2:DescribeSubnets',
      what: 'subnet s',
      place: place(9),
    });
    expect(f.diagnostics()).toEqual([
      {
        severity: 'warning',
        message:
          'not checked: SSM parameter /a, SSM parameter /b, because the credentials may not call ssm:GetParameter. ' +
          'Allow ssm:GetParameter (read-only) to the credentials to have it checked',
        ...place(3),
      },
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('may not call iam:GetRole'),
      }),
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('may not call ec2:DescribeSubnets'),
      }),
    ]);
  });

  test.each([
    ['throttling', awsError('ThrottlingException', 400)],
    ['an AWS server error', awsError('InternalFailure', 500)],
    [
      'an endpoint out of reach',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
    ],
  ])('%s stops the run, to be explained like any AWS failure', (_what, e) => {
    const f = new Findings();
    expect(() => f.failed(e, { permission: 'iam:GetRole', what: 'x', place: place(1) })).toThrow(e);
  });

  test('any other failure is an error at the place, naming the call', () => {
    const f = new Findings();
    f.failed(awsError('ValidationException', 400, 'bad name'), {
      permission: 'ssm:GetParameter',
      what: 'SSM parameter !',
      place: place(7),
    });
    expect(f.diagnostics()).toEqual([
      {
        severity: 'error',
        message: 'could not check SSM parameter !: ssm:GetParameter failed: ValidationException: bad name',
        ...place(7),
      },
    ]);
  });
});
