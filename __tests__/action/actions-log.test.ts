import { actionsLog, commandProof } from '../../src/action/actions-log';
import { workflowCommands } from '../support/workflow-commands';

describe('child output in the action log', () => {
  const hostile = [
    '::add-mask::x',
    '::set-output name=task-definition-arn::arn:aws:ecs:us-east-1:1:task-definition/evil:1',
    '::error::boom',
    '  ::save-state name=docker-config::/home/runner',
    'step 3/4 ##[set-env name=PATH;]/tmp/evil',
  ];

  it.each(hostile)('%s is shown, and is no command the runner runs', (line) => {
    const written = commandProof(line);
    expect(written.split('\n')).toContain(line);
    expect(workflowCommands(written)).toEqual([]);
  });

  it('leaves a plain line as it is, and pauses with a new token each time', () => {
    expect(commandProof('Step 1/4 : FROM scratch')).toBe('Step 1/4 : FROM scratch\n');
    const [a, b] = [commandProof('::error::x'), commandProof('::error::x')];
    expect(a).not.toBe(b);
  });

  it('writes each output line through the proof, so commands after it run again', () => {
    const writes: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      for (const line of hostile) actionsLog.output(line);
      actionsLog.info('::notice::ours');
    } finally {
      spy.mockRestore();
    }
    expect(workflowCommands(writes.join(''))).toEqual(['::notice::ours']);
  });

  it('drops terminal colour codes, which a build step of docker adds to its stderr', () => {
    const writes: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      actionsLog.output('\u001b[91mwarning: x\u001b[0m');
    } finally {
      spy.mockRestore();
    }
    expect(writes).toEqual(['warning: x\n']);
  });
});
