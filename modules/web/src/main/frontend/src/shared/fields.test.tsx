import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Field } from './fields';

afterEach(cleanup);

describe('Field', () => {
  it('ties the hint and the errors to the control and marks it invalid', () => {
    render(
      <Field id="call-calledBy" label="Who called" hint="Leave empty if you did." errors={['Too long']}>
        {(ids) => <input {...ids} type="text" />}
      </Field>,
    );
    const input = screen.getByLabelText('Who called');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('call-calledBy-hint call-calledBy-errors');
    expect(document.getElementById('call-calledBy-errors')?.textContent).toBe('Too long');
    expect(input.closest('div')?.className).toBe('field has-errors');
  });

  it('adds nothing to a plain control: no description, no invalid mark, no required words', () => {
    render(<Field id="incidents-from" label="From">{(ids) => <input {...ids} type="date" />}</Field>);
    const input = screen.getByLabelText('From');
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.closest('div')?.className).toBe('field');
    expect(document.querySelector('label')?.textContent).toBe('From');
  });
});
