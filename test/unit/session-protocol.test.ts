/**
 * The messages between the inspector page and its worker are checked on the receiving side: a
 * malformed request or reply is refused with an error that names the message, where in it, and
 * what was expected, and the page's call fails with it instead of going on with a half-made value.
 */
import { describe, expect, it } from 'vitest';
import { MalformedMessageError, parseReply, parseRequest, parseResult } from '../../src/inspector/session-protocol.js';
import { SessionError, workerSession } from '../../src/inspector/session-client.js';
import type { SessionWorker } from '../../src/inspector/session-client.js';

const page = { model: 'sentry.user', columns: ['id'], links: {}, rows: [[1]], total: 1, offset: 0 };

function refusal(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedMessageError);
    return (error as Error).message;
  }
  throw new Error('the message was accepted');
}

describe('requests the worker receives', () => {
  it('accepts each method with its arguments', () => {
    const file = new Blob(['[]']);
    expect(parseRequest({ id: 1, method: 'open', args: [{ file, name: 'a.json', privateKey: undefined }] }).method).toBe('open');
    expect(parseRequest({ id: 2, method: 'rows', args: ['sentry.user', 50, 50] }).args).toEqual(['sentry.user', 50, 50]);
    expect(parseRequest({ id: 3, method: 'exportSubset', args: [{ scope: 'Organization', orgSlugs: ['a'] }] }).id).toBe(3);
    expect(parseRequest({ id: 4, method: 'database', args: [] }).method).toBe('database');
  });

  it.each([
    ['not an object', 'hello', 'Malformed request to the inspector session: Expected an object, but received: "hello"'],
    ['no id', { method: 'rows', args: [] }, 'Malformed request to the inspector session at id: Expected an integer, but received: undefined'],
    ['an unknown method', { id: 1, method: 'drop', args: [] }, 'Malformed request to the inspector session at method: Expected one of `"open","rows","offsetOf","compare","exportSubset","sanitize","convert","database","check","repaired"`, but received: "drop"'],
    ['a string offset', { id: 3, method: 'rows', args: ['sentry.user', '50', 50] }, 'Malformed rows request (id 3) to the inspector session at args.1: Expected an integer, but received: "50"'],
    ['a missing file', { id: 4, method: 'open', args: [{ name: 'a.json' }] }, 'Malformed open request (id 4) to the inspector session at args.0.file: Expected a `Blob` instance, but received: undefined'],
    ['an unknown scope', { id: 5, method: 'exportSubset', args: [{ scope: 'Everything' }] }, 'Malformed exportSubset request (id 5) to the inspector session at args.0.scope: Expected one of `"User","Organization","Config","Global"`, but received: "Everything"'],
    ['an extra argument', { id: 6, method: 'compare', args: [{ file: new Blob([]), name: 'b.json' }, true, 'extra'] }, 'Malformed compare request (id 6) to the inspector session at args.2: nothing is expected there, but received: "extra"'],
    ['a version that is not text', { id: 8, method: 'convert', args: [26.9] }, 'Malformed convert request (id 8) to the inspector session at args.0: Expected a string, but received: 26.9'],
    ['arguments to a method without any', { id: 7, method: 'database', args: [1] }, 'Malformed database request (id 7) to the inspector session at args: Expected an empty array but received one with a size of `1`'],
  ])('refuses %s, saying where and what was expected', (_, message, expected) => {
    expect(refusal(() => parseRequest(message))).toBe(expected);
  });
});

describe('replies the page receives', () => {
  it('refuses a reply with neither a result, an error nor progress, and one with a malformed part', () => {
    expect(refusal(() => parseReply({ id: 1 }))).toBe('Malformed reply from the inspector session: expected an object with an id and a result, an error or progress, but received: {"id":1}');
    expect(refusal(() => parseReply({ id: 1, progress: { label: 'Reading', done: '5', total: 10 } })))
      .toBe('Malformed progress reply from the inspector session at progress.done: Expected a number, but received: "5"');
    expect(refusal(() => parseReply({ id: 2, error: { kind: 'Oops' } }))).toBe('Malformed error reply from the inspector session at error.message: Expected a string, but received: undefined');
  });

  it('checks a result against its method\'s', () => {
    expect(parseResult('rows', page)).toEqual(page);
    expect(parseResult('offsetOf', undefined)).toBeUndefined();
    expect(refusal(() => parseResult('rows', { ...page, rows: 'none' }))).toBe('Malformed result of rows from the inspector session at rows: Expected an array value, but received: "none"');
    expect(refusal(() => parseResult('database', { name: 'a.sqlite', type: 'application/vnd.sqlite3', bytes: [1, 2], objects: 0 })))
      .toBe('Malformed result of database from the inspector session at bytes: Expected a `Uint8Array` instance, but received: 1,2');
  });

  it('fails the page\'s call with the refusal instead of resolving it with a malformed result', async () => {
    const posted: { id: number; method: string }[] = [];
    const worker: SessionWorker = { onmessage: null, onerror: null, postMessage: (message) => posted.push(message as { id: number; method: string }) };
    const session = workerSession(worker);
    const reply = (data: unknown) => worker.onmessage?.({ data } as MessageEvent<unknown>);

    const good = session.rows('sentry.user', 0, 50);
    const bad = session.rows('sentry.user', 50, 50);
    reply({ id: posted[1]?.id, result: { ...page, total: 'many' } });
    await expect(bad).rejects.toThrow(new SessionError('MalformedMessage', 'Malformed result of rows from the inspector session at total: Expected a number, but received: "many"'));
    await expect(bad).rejects.toHaveProperty('kind', 'MalformedMessage');
    reply({ id: posted[0]?.id, result: page });
    await expect(good).resolves.toEqual(page);

    // A reply that names no request it can be matched to fails every call still waiting.
    const waiting = [session.offsetOf('sentry.user', 3, 50), session.database()];
    reply({ result: 1 });
    for (const call of waiting) await expect(call).rejects.toThrow('Malformed result reply from the inspector session at id: Expected an integer, but received: undefined');
  });
});
