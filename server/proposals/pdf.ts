import { formatMoney } from '../../shared/currency';
import { formatDay } from '../../shared/days';
import { proposalItemWords, proposalTermLines } from '../../shared/proposal-terms';
import type { ProposalView } from '../../shared/schemas/proposal';
import { COLORS, collect, createDocument, Flow } from '../invoices/pdf-layout';

const STATE_WORDS: Record<ProposalView['state'], string> = {
  sent: 'Open',
  accepted: 'Accepted',
  changes_requested: 'Changes requested',
  withdrawn: 'Withdrawn',
  replaced: 'Replaced by a newer version',
  expired: 'Expired',
};

/**
 * The proposal as its brand sees it, printable: the same view the public page
 * shows (nothing else of the workspace). The document's date is when it was sent.
 */
export async function renderProposalPdf(view: ProposalView): Promise<Buffer<ArrayBuffer>> {
  const doc = await createDocument({
    Title: `Proposal: ${view.dealTitle}`,
    Author: view.workspaceName,
    Creator: 'Sponsorcal',
    CreationDate: new Date(`${view.sentOn}T00:00:00Z`),
  });
  const bytes = collect(doc);
  const flow = new Flow(doc);
  const full = { x: flow.left, width: flow.width };

  flow.write(`Proposal: ${view.dealTitle}`, { ...full, font: 'bold', size: 18 });
  flow.y += 6;
  flow.write(`From ${view.workspaceName} to ${view.brandName} · version ${view.version}`, {
    ...full,
    color: COLORS.muted,
  });
  flow.write(
    `Sent ${formatDay(view.sentOn)} · open until ${formatDay(view.expiresOn)} · ${STATE_WORDS[view.state]}`,
    { ...full, color: COLORS.muted },
  );
  flow.y += 16;

  const { terms } = view;
  if (!terms) {
    flow.write(
      view.state === 'replaced'
        ? 'This proposal was replaced by a newer version. Ask for the new link.'
        : 'This proposal was withdrawn.',
      full,
    );
  } else {
    flow.write('Items', { ...full, font: 'bold', size: 11 });
    flow.y += 4;
    for (const item of terms.items) {
      const amount = formatMoney(item.quantity * item.unitCents, terms.currency);
      const top = flow.y;
      flow.line(amount, top, { ...full, align: 'right' });
      flow.write(proposalItemWords(item), { x: flow.left, width: flow.width - 110 });
      flow.y += 4;
    }
    flow.rule();
    flow.y += 10;
    for (const [label, words] of proposalTermLines(terms)) {
      flow.keep(14);
      const top = flow.y;
      flow.line(label, top, { x: flow.left, width: 90, font: 'bold', color: COLORS.muted });
      flow.write(words, { x: flow.left + 90, width: flow.width - 90 });
      flow.y = Math.max(flow.y, top + 12) + 2;
    }
    if (terms.note) {
      flow.y += 12;
      flow.write('Note', { ...full, font: 'bold', size: 11 });
      flow.write(terms.note, full);
    }
  }
  if (view.state === 'accepted' && view.decidedAt) {
    flow.y += 16;
    const who = [view.decidedName, view.decidedTitle].filter(Boolean).join(', ');
    flow.write(`Accepted by ${who} on ${formatDay(view.decidedAt.slice(0, 10))}.`, {
      ...full,
      font: 'bold',
    });
  }
  flow.numberPages((page, count) => `Proposal v${view.version} · Page ${page} of ${count}`);
  doc.end();
  return bytes;
}
