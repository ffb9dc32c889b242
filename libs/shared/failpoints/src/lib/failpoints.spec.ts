import { armFailpoints, disarmFailpoints, failpoint } from './failpoints';

describe('failpoints', () => {
  afterEach(() => disarmFailpoints());

  it('does nothing while a failpoint is not armed', () => {
    const kill = jest.spyOn(process, 'kill').mockImplementation(() => true);
    failpoint('outbox.before-publish');
    expect(kill).not.toHaveBeenCalled();
    kill.mockRestore();
  });

  it('kills the process with SIGKILL where an armed failpoint stands', () => {
    const kill = jest.spyOn(process, 'kill').mockImplementation(() => true);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    armFailpoints(['outbox.after-publish']);
    failpoint('outbox.before-publish');
    failpoint('outbox.after-publish');
    expect(kill).toHaveBeenCalledTimes(1);
    expect(kill).toHaveBeenCalledWith(process.pid, 'SIGKILL');
    kill.mockRestore();
    stderr.mockRestore();
  });

  it('refuses an unknown failpoint name', () => {
    expect(() => armFailpoints(['outbox.sometime'])).toThrow('Unknown failpoint "outbox.sometime"');
  });
});
