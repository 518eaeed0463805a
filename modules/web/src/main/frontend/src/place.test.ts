import { describe, expect, it } from 'vitest';
import { appUrls, pathOf, placeOf, screenOf } from './place';

describe('placeOf', () => {
  it('finds the library system and the view in the path', () => {
    expect(placeOf('/t/riverbend/')).toEqual({ slug: 'riverbend', view: 'home' });
    expect(placeOf('/t/riverbend')).toEqual({ slug: 'riverbend', view: 'home' });
    expect(placeOf('/t/lakeview-law/callback')).toEqual({ slug: 'lakeview-law', view: 'callback' });
    expect(placeOf('/t/riverbend/anything/else')).toEqual({ slug: 'riverbend', view: 'home' });
    expect(placeOf('/t/riverbend/roster')).toEqual({ slug: 'riverbend', view: 'roster' });
    expect(placeOf('/t/riverbend/schedule/')).toEqual({ slug: 'riverbend', view: 'schedule' });
    expect(placeOf('/t/riverbend/home')).toEqual({ slug: 'riverbend', view: 'home' });
  });

  it('gives each screen its path, and the callback shows home', () => {
    expect(pathOf('riverbend', 'home')).toBe('/t/riverbend/');
    expect(pathOf('riverbend', 'roster')).toBe('/t/riverbend/roster');
    expect(screenOf('/t/riverbend/schedule')).toBe('schedule');
    expect(screenOf('/t/riverbend/callback')).toBe('home');
    expect(screenOf('/app/')).toBe('home');
  });

  it('refuses what is not a tenant slug', () => {
    for (const path of ['/', '/app/', '/t/', '/t//', '/t/Riverbend/', '/t/ab/', '/t/-river/', '/t/river-/', '/t/%3Cb%3E/']) {
      expect(placeOf(path), path).toBeNull();
    }
  });
});

describe('appUrls', () => {
  it('keeps every return address inside the tenant path', () => {
    expect(appUrls('https://sp.example.org', 'riverbend')).toEqual({
      home: 'https://sp.example.org/t/riverbend/',
      callback: 'https://sp.example.org/t/riverbend/callback',
      signedOut: 'https://sp.example.org/t/riverbend/signed-out',
    });
  });
});
