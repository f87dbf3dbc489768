import { Writable } from 'node:stream';
import { logFormat, PlatformLogger, platformLogging } from './platform-logger';

describe('the platform logger', () => {
  it('is readable text by default and JSON lines in production or when asked', () => {
    expect(logFormat({})).toBe('text');
    expect(logFormat({ NODE_ENV: 'production' })).toBe('json');
    expect(logFormat({ NODE_ENV: 'production', LOG_FORMAT: 'text' })).toBe('text');
    expect(() => logFormat({ LOG_FORMAT: 'xml' })).toThrow('LOG_FORMAT must be json or text');
    expect(platformLogging('platform', {}).nest).toBeInstanceOf(PlatformLogger);
    expect(platformLogging('platform', {}).requests).toBeNull();
  });

  it('writes Nest messages as JSON with their context, route mapping only at debug level', () => {
    const chunks: string[] = [];
    const sink = new Writable({ write: (c: Buffer, _e, done) => (chunks.push(c.toString()), done()) });
    const { nest } = platformLogging('platform', { LOG_FORMAT: 'json' }, sink);
    nest.log('Mapped {/api/things, GET} route', 'RouterExplorer');
    nest.log('projection board: lease taken', 'Projections');
    nest.error('append failed', 'Error: disk full\n    at x', 'EventStore');
    const lines = chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 30, service: 'platform', context: 'Projections', msg: 'projection board: lease taken' });
    expect(lines[1]).toMatchObject({ level: 50, context: 'EventStore', msg: 'append failed', stack: 'Error: disk full\n    at x' });
    expect(typeof lines[0].time).toBe('string');
  });
});
