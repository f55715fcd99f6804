// @vitest-environment happy-dom
// The cancellation flow: reasons, the offer for the reason, the holdout, exit questions, and one-click cancel.
import { afterEach, describe, expect, it } from 'vitest';
import { names, openCancelFlow, tick } from '../helpers/widgets.js';

afterEach(() => document.querySelectorAll('holdfast-widget').forEach((e) => e.remove()));

describe('cancel flow', () => {
  it('asks for the reason and offers a discount or a pause for "price"; accepting saves the customer', async () => {
    const saved: unknown[] = [];
    const w = await openCancelFlow({}, { onSaved: (o) => saved.push(o), onCancel: () => saved.push('cancelled?!') });
    expect(w.text()).toContain('What is the main reason you are cancelling?');
    expect(w.buttons().map((b) => b.textContent)).toEqual(expect.arrayContaining(['It is too expensive', 'I am not getting enough value', 'I am switching to another product', 'Something else', 'Cancel anyway']));
    w.button('It is too expensive').click();
    await tick();
    expect(w.text()).toContain('Stay for 25% off');
    expect(w.text()).toContain('25% off your next 3 months.');
    expect(w.text()).toContain('Pause your subscription for 2 months.');
    w.button('Apply the discount').click();
    await tick();
    expect(w.text()).toContain('Thank you for staying!');
    expect(saved).toEqual([{ id: 'discount', kind: 'discount', percent: 25, months: 3 }]);
    expect(w.sent).toEqual([
      { event: 'Cancellation Started', properties: { holdout: false } },
      { event: 'Cancellation Reason Selected', properties: { reason: 'price', holdout: false } },
      { event: 'Save Offer Shown', properties: { offer: 'discount', offer_kind: 'discount', reason: 'price' } },
      { event: 'Save Offer Shown', properties: { offer: 'pause', offer_kind: 'pause', reason: 'price' } },
      { event: 'Save Offer Accepted', properties: { offer: 'discount', offer_kind: 'discount', reason: 'price' } },
    ]);
  });

  it('goes from a declined offer through the exit questions to a confirmed cancellation', async () => {
    const done: unknown[] = [];
    const w = await openCancelFlow({}, { onCancel: (a) => done.push(a) });
    w.button('I am switching to another product').click();
    await tick();
    expect(w.text()).toContain('Talk to our leadership');
    w.button('No thanks, continue').click();
    await tick();
    expect(w.text()).toContain('What could we have done differently?');
    const [different] = [...w.root.querySelectorAll('textarea')];
    different.value = 'Faster exports';
    different.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    const destination = w.root.querySelector('input[type=text]') as HTMLInputElement;
    destination.value = 'Rival Inc';
    destination.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    w.button('No').click();
    await tick();
    w.button('Send').click();
    await tick();
    expect(w.text()).toContain('Your subscription will be cancelled.');
    w.button('Confirm cancellation').click();
    await tick();
    expect(w.text()).toContain('Your subscription is cancelled');
    const answers = { reason: 'competitor', different: 'Faster exports', destination: 'Rival Inc', recommend: 'no' };
    expect(done).toEqual([answers]);
    expect(names(w)).toEqual(['Cancellation Started', 'Cancellation Reason Selected', 'Save Offer Shown', 'Save Offer Declined', 'Cancellation Completed']);
    expect(w.sent.at(-1)!.properties).toEqual({ ...answers, holdout: false, via: 'confirm' });
  });

  it('cancels in one click from every step with "Cancel anyway"', async () => {
    for (const steps of [[], ['It is too expensive'], ['It is too expensive', 'No thanks, continue']]) {
      const done: unknown[] = [];
      const w = await openCancelFlow({}, { onCancel: (a) => done.push(a) });
      for (const s of steps) {
        w.button(s).click();
        await tick();
      }
      w.button('Cancel anyway').click();
      await tick();
      expect(done).toHaveLength(1);
      expect(w.sent.at(-1)).toMatchObject({ event: 'Cancellation Completed', properties: { via: 'cancel_anyway' } });
      expect(w.text()).toContain('Your subscription is cancelled');
      w.handle.close();
    }
  });

  it('shows no offer to the holdout group, and marks its events', async () => {
    const w = await openCancelFlow({ holdout: true });
    w.button('It is too expensive').click();
    await tick();
    expect(w.text()).not.toContain('25% off');
    expect(w.text()).toContain('A few last questions');
    expect(names(w)).not.toContain('Save Offer Shown');
    expect(w.sent[0]).toEqual({ event: 'Cancellation Started', properties: { holdout: true } });
    expect(w.sent[1].properties).toEqual({ reason: 'price', holdout: true });
  });

  it('goes straight to the confirmation for a reason without offers when there are no exit questions', async () => {
    const w = await openCancelFlow({ exitQuestions: [] });
    w.button('Something else').click();
    await tick();
    expect(w.text()).toContain('Confirm cancellation');
  });

  it('reports an abandoned flow when closed midway, and shows custom reason labels', async () => {
    const closed: string[] = [];
    const w = await openCancelFlow({ reasons: [{ id: 'price', label: 'Budget cuts', offers: ['pause'] }] }, { onClose: () => closed.push('closed') });
    w.button('Budget cuts').click();
    await tick();
    w.button('Close').click();
    expect(w.sent.at(-1)).toEqual({ event: 'Cancellation Abandoned', properties: { step: 'offer', reason: 'price', holdout: false } });
    expect(closed).toEqual(['closed']);
  });
});
