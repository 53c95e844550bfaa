import type { PublicInvoice } from '../../../shared/schemas/getting-paid';
import { formatDay, formatMoney } from '../format';
import { InvoiceTotalsList } from './invoice-totals';
import { DescriptionItem } from './ui/description-item';
import { TableHead } from './lists/table-head';

function Party({ title, lines }: { title: string; lines: (string | null)[] }) {
  const shown = lines.filter((l): l is string => Boolean(l && l.trim()));
  return (
    <div className="pay-doc__party">
      <h2 className="pay-doc__label">{title}</h2>
      {shown.map((line, i) => (
        <p key={i} className={i === 0 ? 'pay-doc__party-name' : 'prewrap'}>
          {line}
        </p>
      ))}
    </div>
  );
}

/** The invoice as its payer reads it: who from, who to, the lines, the totals and what is left. */
export function PublicInvoiceDocument({ invoice }: { invoice: PublicInvoice }) {
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  const quantity = (q: number) =>
    new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 }).format(q);
  return (
    <article className="pay-doc" aria-labelledby="pay-doc-title">
      <header className="pay-doc__head">
        <div>
          <p className="pay-doc__label">Invoice</p>
          <h1 id="pay-doc-title" className="pay-doc__number">
            {invoice.number}
          </h1>
        </div>
        <div className="pay-doc__due">
          {invoice.status === 'paid' ? (
            <p className="chip chip--invoice-paid">Paid</p>
          ) : (
            <>
              <p className="pay-doc__label">Balance due</p>
              <p className="pay-doc__balance" data-testid="pay-balance">
                {money(invoice.balanceCents)}
              </p>
              <p className="muted small">by {formatDay(invoice.dueOn)}</p>
            </>
          )}
        </div>
      </header>

      <div className="pay-doc__parties">
        <Party
          title="From"
          lines={[
            invoice.creator.name,
            invoice.creator.address,
            invoice.creator.email,
            invoice.creator.taxId ? `Tax ID ${invoice.creator.taxId}` : null,
          ]}
        />
        <Party
          title="Bill to"
          lines={[
            invoice.payer.name,
            invoice.payer.address,
            invoice.payer.taxId ? `Tax ID ${invoice.payer.taxId}` : null,
          ]}
        />
        <dl className="pay-doc__dates">
          <DescriptionItem term="Issued">{formatDay(invoice.issuedOn)}</DescriptionItem>
          <DescriptionItem term="Due">{formatDay(invoice.dueOn)}</DescriptionItem>
          {invoice.poNumber && (
            <DescriptionItem term="PO number">{invoice.poNumber}</DescriptionItem>
          )}
        </dl>
      </div>

      <div className="pay-doc__table-wrap">
        <table className="pay-doc__lines">
          <caption className="visually-hidden">Line items</caption>
          <TableHead
            columns={[
              'Description',
              { label: 'Qty', num: true },
              { label: 'Unit price', num: true },
              { label: 'Amount', num: true },
            ]}
          />
          <tbody>
            {invoice.lines.map((line, i) => (
              <tr key={i}>
                <td className="prewrap">{line.description}</td>
                <td className="num">{quantity(line.quantity)}</td>
                <td className="num">{money(line.unitCents)}</td>
                <td className="num">{money(line.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <InvoiceTotalsList
        currency={invoice.currency}
        subtotalCents={invoice.subtotalCents}
        discountCents={invoice.discountCents}
        taxes={invoice.taxes}
        totalCents={invoice.totalCents}
        paidCents={invoice.paidCents}
        balanceCents={invoice.balanceCents}
      />
    </article>
  );
}
