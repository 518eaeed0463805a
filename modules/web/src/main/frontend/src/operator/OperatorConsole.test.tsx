import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Tenants, type TenantUsage } from './OperatorConsole';
import { calls, fakeApi, recorder } from '../shared/testing';

const RIVERBEND: TenantUsage = {
  slug: 'riverbend',
  name: 'Riverbend Regional Library System',
  status: 'active',
  realmPresent: true,
  staff: 12,
  branches: 3,
  incidentReportsThisMonth: 4,
  storageBytes: 20480,
  lastActivity: '2026-12-01T19:05:00Z',
  mailBacklog: 2,
  configurationDrift: null,
};

const PLAN = {
  applied: false,
  changes: [{ kind: 'tenant', key: 'millbrook', action: 'CREATE', fields: [{ field: 'name', before: null, after: 'Millbrook' }] }],
};

afterEach(cleanup);

describe('the operator console', () => {
  it('lists each library system with its figures', async () => {
    fakeApi({ 'GET /api/admin/tenant-usage': [RIVERBEND] });
    render(<Tenants token="op-1" />);
    const row = (await screen.findByRole('rowheader', { name: /Riverbend Regional/ })).closest('tr') as HTMLElement;
    for (const text of ['Active', 'Provisioned', '12', '3', '4', '20 KB', '2']) {
      expect(within(row).getAllByText(text).length).toBeGreaterThan(0);
    }
    expect(screen.getByRole('table', { name: '1 library system' })).toBeTruthy();
  });

  it('suspends a library system only after the operator confirms', async () => {
    let status: TenantUsage['status'] = 'active';
    const fetch = fakeApi({
      'GET /api/admin/tenant-usage': () => [{ ...RIVERBEND, status }],
      'POST /api/admin/tenants/riverbend/suspend': () => {
        status = 'suspended';
        return { slug: 'riverbend', status };
      },
    });
    render(<Tenants token="op-1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Riverbend Regional Library System' }));
    fireEvent.click(screen.getByRole('button', { name: 'Suspend…' }));
    expect(calls(fetch)).not.toContain('POST /api/admin/tenants/riverbend/suspend');
    fireEvent.click(screen.getByRole('button', { name: 'Yes, suspend' }));
    await screen.findByText('Riverbend Regional Library System is suspended.', { selector: '[role=status]' });
    expect(calls(fetch)).toContain('POST /api/admin/tenants/riverbend/suspend');
    await screen.findByRole('button', { name: 'Resume…' });
  });

  it('applies pasted files only after showing their plan', async () => {
    const { sent, record } = recorder();
    fakeApi({
      'GET /api/admin/tenant-usage': [RIVERBEND],
      'POST /api/admin/onboarding/plan': record(PLAN),
      'POST /api/admin/onboarding/apply': record({ ...PLAN, applied: true }),
    });
    render(<Tenants token="op-1" />);
    const apply = await screen.findByRole('button', { name: 'Apply' });
    expect((apply as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Path'), { target: { value: 'tenants/millbrook/tenant.yaml' } });
    fireEvent.change(screen.getByLabelText('Content'), { target: { value: 'slug: millbrook\n' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show the plan' }));
    await screen.findByRole('table', { name: 'Plan: what applying would change' });
    await waitFor(() => expect((apply as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(apply);
    await screen.findByText('Applied. The library system and its sign-in realm are ready.');
    expect(sent.map((s) => s.path)).toEqual(['/api/admin/onboarding/plan', '/api/admin/onboarding/apply']);
    expect(sent[1]?.body).toEqual({ files: [{ path: 'tenants/millbrook/tenant.yaml', content: 'slug: millbrook\n' }] });
  });
});
