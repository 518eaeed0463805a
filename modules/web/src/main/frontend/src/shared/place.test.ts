import { describe, expect, it } from 'vitest';
import { appUrls, itemOf, pathOf, placeOf, screenOf } from './place';

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

describe('items after a screen', () => {
  const ID = '0b7c6a52-3f1e-4d7a-9c1e-2f4b5a6c7d8e';

  it('names a draft or a report by id', () => {
    expect(placeOf(`/t/riverbend/report/${ID}`)).toEqual({ slug: 'riverbend', view: 'report' });
    expect(screenOf(`/t/riverbend/incidents/${ID}/`)).toBe('incidents');
    expect(itemOf(`/t/riverbend/incidents/${ID}`)).toBe(ID);
    expect(pathOf('riverbend', 'incidents', ID)).toBe(`/t/riverbend/incidents/${ID}`);
    expect(pathOf('riverbend', 'report')).toBe('/t/riverbend/report');
  });

  it('takes nothing else for an item', () => {
    expect(itemOf('/t/riverbend/incidents')).toBeUndefined();
    expect(itemOf(`/t/riverbend/roster/${ID}`)).toBeUndefined();
    expect(itemOf('/t/riverbend/incidents/%3Cb%3E')).toBeUndefined();
    expect(screenOf('/t/riverbend/incidents/not-an-id')).toBe('home');
    expect(screenOf(`/t/riverbend/incidents/${ID}/more`)).toBe('home');
    expect(screenOf(`/t/riverbend/roster/${ID}`)).toBe('home');
  });

  it('names the incident report a new ban follows from in the query of the bans screen', () => {
    expect(pathOf('riverbend', 'bans')).toBe('/t/riverbend/bans');
    expect(pathOf('riverbend', 'bans', ID)).toBe(`/t/riverbend/bans?incident=${ID}`);
    expect(screenOf('/t/riverbend/bans')).toBe('bans');
    expect(itemOf('/t/riverbend/bans', `?incident=${ID}`)).toBe(ID);
    expect(itemOf('/t/riverbend/bans', '?incident=%3Cb%3E')).toBeUndefined();
    expect(itemOf('/t/riverbend/bans')).toBeUndefined();
    expect(itemOf(`/t/riverbend/incidents/${ID}`, `?incident=${ID}`)).toBe(ID);
    expect(screenOf(`/t/riverbend/bans/${ID}`)).toBe('home');
  });
});
