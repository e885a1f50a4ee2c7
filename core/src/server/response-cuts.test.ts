import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { reportResponseCuts, responseCuts } from './response-cuts.ts';

describe('responseCuts', () => {
  it('names what the sent answer lacks or changed, by JSON Pointer', () => {
    expect(responseCuts({ a: 1, b: { c: 'x', d: [1, 2] } }, { a: 1, b: { c: 'x', d: [1, 2] } })).toEqual([]);
    expect(responseCuts({ a: 1, b: { c: 'x', 'e/f': true } }, { a: 1, b: {} })).toEqual(['/b/c (missing)', '/b/e~1f (missing)']);
    expect(responseCuts({ n: 1.5, list: [{ id: 'a', extra: 1 }] }, { n: 1, list: [{ id: 'a' }] })).toEqual(['/n (1.5 sent as 1)', '/list/0/extra (missing)']);
  });
});

describe('reportResponseCuts', () => {
  it('reports the route whose response schema dropped a field, and stays quiet for a complete one', async () => {
    const app = Fastify();
    const reports: string[] = [];
    reportResponseCuts(app, (route, cuts) => reports.push(`${route}: ${cuts.join(', ')}`));
    const schema = { type: 'object', properties: { id: { type: 'string' } } };
    app.get('/cut', { schema: { response: { 200: schema } } }, async () => ({ id: 'a', name: '张三' }));
    app.get('/open', { schema: { response: { 200: { ...schema, additionalProperties: true } } } }, async () => ({ id: 'a', name: '张三' }));
    expect((await app.inject('/cut')).json()).toEqual({ id: 'a' });
    expect((await app.inject('/open')).json()).toEqual({ id: 'a', name: '张三' });
    expect(reports).toEqual(['GET /cut → 200: /name (missing)']);
    await app.close();
  });
});
