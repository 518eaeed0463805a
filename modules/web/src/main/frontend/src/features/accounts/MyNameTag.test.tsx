import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MyNameTagPage } from './MyNameTag';
import { ADA, SESSION, calls, fakeApi, invalidInput, onPage } from '../../shared/testing';

const OWN = { id: '5d0c4c3e-8f7a-4b4e-9a57-0c8e2f1d9b10', tagName: 'Ada', positionName: 'Library assistant', branchName: 'Pine Hollow' };

describe('MyNameTagPage', () => {
  afterEach(cleanup);

  it('shows the name on my tag and saves the one I choose', async () => {
    let stored = OWN;
    const fetch = fakeApi({
      'GET /api/me/tag-name': () => stored,
      'PUT /api/me/tag-name': (_url: URL, init: RequestInit | undefined) => {
        stored = { ...OWN, tagName: JSON.parse(String(init?.body)).tagName };
        return stored;
      },
    });
    render(onPage({ session: SESSION, me: ADA }, <MyNameTagPage />));

    expect((await screen.findByText('Ada', { selector: '#my-tag-name' })).textContent).toBe('Ada');
    fireEvent.change(screen.getByLabelText(/Name on my tag/), { target: { value: 'Ada Ñ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save my tag name' }));

    expect((await screen.findAllByText('Saved. Your name tag now says Ada Ñ.')).length).toBeGreaterThan(0);
    expect(await screen.findByText('Ada Ñ', { selector: '#my-tag-name' })).toBeTruthy();
    expect(calls(fetch)).toContain('PUT /api/me/tag-name');
  });

  it('shows the refusal next to the field', async () => {
    fakeApi({
      'GET /api/me/tag-name': OWN,
      'PUT /api/me/tag-name': invalidInput('tagName: contains U+202E', [{ field: 'tagName', message: 'contains U+202E, which is not plain text' }]),
    });
    render(onPage({ session: SESSION, me: ADA }, <MyNameTagPage />));
    await screen.findByText('Ada', { selector: '#my-tag-name' });

    fireEvent.change(screen.getByLabelText(/Name on my tag/), { target: { value: 'Ada\u202E' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save my tag name' }));

    expect(await screen.findByText('contains U+202E, which is not plain text')).toBeTruthy();
    expect(screen.getByText('Ada', { selector: '#my-tag-name' })).toBeTruthy();
  });
});
