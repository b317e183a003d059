import { runProcess, stopRunningProcesses } from '../src/process';
import { EXPORT_AND_PUSH, Progress } from '../src/progress';
import { RecordingLog } from './support/recording-log';

describe('Progress', () => {
  it('says nothing changed, and what the service still runs, when a run stops early', () => {
    const p = new Progress();
    p.serviceBefore = 'arn:aws:ecs:us-east-1:1:task-definition/web:3';
    expect(p.account()).toEqual([
      'Nothing was changed.',
      'The service was not changed: it still runs web:3.',
      'Running the job again finishes it: what is already done is found and not done twice.',
    ]);
  });

  it('tracks the stage from log groups, and says where the service was pointed', async () => {
    const p = new Progress();
    const log = p.tracking(new RecordingLog());
    await log.group(EXPORT_AND_PUSH, async () => p.record('2 image(s) pushed'));
    expect(p.stage).toBe(EXPORT_AND_PUSH);
    expect(p.timings.map(([stage]) => stage)).toEqual([EXPORT_AND_PUSH]);
    expect(p.account()[1]).toBe('Images pushed so far are harmless: no task definition names them yet.');
    await log.group('Deploy', async () => {
      p.record('web:4 registered');
      p.serviceNow = 'arn:aws:ecs:us-east-1:1:task-definition/web:4';
    });
    expect(p.account()).toEqual([
      'Done before that: 2 image(s) pushed; web:4 registered.',
      'The service was pointed at web:4 (it was created), after every image it names was pushed; ECS carries on with that deployment.',
      'Running the job again finishes it: what is already done is found and not done twice.',
    ]);
  });
});

describe('stopRunningProcesses', () => {
  it('signals the children still running, and only those', async () => {
    const done = runProcess('sleep', ['30']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopRunningProcesses('SIGTERM')).toBe(1);
    const result = await done;
    expect(result.signal).toBe('SIGTERM');
    expect(stopRunningProcesses()).toBe(0);
  });
});
