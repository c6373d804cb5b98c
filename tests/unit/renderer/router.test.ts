import { describe, expect, it } from 'vitest';
import { hrefs, parseRoute, routeKey } from '../../../renderer/src/router';

describe('hash router', () => {
  it('treats an empty hash (after the token is stripped) as the list', () => {
    expect(parseRoute('')).toEqual({ name: 'list' });
    expect(parseRoute('#')).toEqual({ name: 'list' });
    expect(parseRoute('#/')).toEqual({ name: 'list' });
  });

  it('reads an engagement id, and round-trips the link it builds', () => {
    expect(parseRoute('#/engagements/01FRFGQ5E0DZV8WRJN07WG0DM8')).toEqual({ name: 'engagement', id: '01FRFGQ5E0DZV8WRJN07WG0DM8' });
    expect(parseRoute(hrefs.engagement('a b/c'))).toEqual({ name: 'engagement', id: 'a b/c' });
  });

  it('says « not found » for anything else, malformed escapes included', () => {
    expect(parseRoute('#/nope').name).toBe('notFound');
    expect(parseRoute('#/engagements/%E0%A4%A').name).toBe('notFound');
    expect(parseRoute('#/engagements/').name).toBe('notFound');
  });

  it('gives each screen its own key', () => {
    expect(routeKey(parseRoute('#/engagements/a'))).not.toBe(routeKey(parseRoute('#/engagements/b')));
    expect(routeKey(parseRoute(''))).toBe(routeKey(parseRoute('#/')));
  });
});
