import type { RateCardItem } from '../../../../shared/schemas/kit';
import { FORMATS, PLATFORMS } from '../../../../shared/schemas/deliverable';
import { PROPOSAL_MAX_ITEMS } from '../../../../shared/schemas/proposal';
import { centsToInput, formatMoney, FORMAT_LABELS, PLATFORM_LABELS } from '../../format';
import { RowEnumField, RowTextField } from '../../forms/row-fields';
import { RowList } from '../../forms/row-list';
import type { FieldErrors } from '../../hooks/use-form-errors';
import { draftTotal, emptyItem, newItemKey, type ItemDraft } from './proposal-draft';

const PLATFORM_CHOICES = ['', ...PLATFORMS] as const;
const FORMAT_CHOICES = ['', ...FORMATS] as const;
const PLATFORM_WORDS = { '': 'None (a fee)', ...PLATFORM_LABELS };
const FORMAT_WORDS = { '': '—', ...FORMAT_LABELS };

/** The proposal's lines: typed, or taken from the rate card; their total below. */
export function ProposalItems({
  items,
  onChange,
  errors,
  currency,
  rateCard,
}: {
  items: ItemDraft[];
  onChange: (items: ItemDraft[]) => void;
  errors: FieldErrors;
  currency: string;
  rateCard: RateCardItem[];
}) {
  const rates = rateCard.filter((rate) => rate.currency === currency);
  const addRate = (index: number) => {
    const rate = rates[index];
    if (!rate) return;
    onChange([
      ...items,
      {
        key: newItemKey(),
        description: `${PLATFORM_LABELS[rate.platform]} ${FORMAT_LABELS[rate.format].toLowerCase()}`,
        quantity: '1',
        price: centsToInput(rate.priceCents, currency),
        platform: rate.platform,
        format: rate.format,
        publishOn: '',
      },
    ]);
  };
  const full = items.length >= PROPOSAL_MAX_ITEMS;
  return (
    <fieldset className="proposal-items">
      <legend className="field__label">Items</legend>
      {errors['items'] && <p className="field__error">{errors['items']}</p>}
      <RowList
        rows={items}
        onChange={onChange}
        noun="item"
        path="items"
        errors={errors}
        empty={<p className="muted small">Add what the brand gets: posts, videos, usage fees.</p>}
        className="proposal-rows"
        rowClassName="proposal-item"
      >
        {(field) => (
          <>
            <RowTextField
              label="Description"
              {...field('description')}
              className="proposal-item__description"
              maxLength={200}
            />
            <RowTextField label="Qty" {...field('quantity')} inputMode="numeric" />
            <RowTextField
              label={`Unit price (${currency})`}
              {...field('price', 'unitCents')}
              inputMode="decimal"
            />
            <RowEnumField
              label="Platform"
              {...field('platform')}
              options={PLATFORM_CHOICES}
              labels={PLATFORM_WORDS}
            />
            <RowEnumField
              label="Format"
              {...field('format')}
              options={FORMAT_CHOICES}
              labels={FORMAT_WORDS}
            />
            <RowTextField label="Goes live" type="date" {...field('publishOn')} />
          </>
        )}
      </RowList>
      <div className="proposal-items__footer">
        <span className="section-header__actions">
          <button
            type="button"
            className="button button--small"
            disabled={full}
            onClick={() => onChange([...items, emptyItem()])}
          >
            Add item
          </button>
          {rates.length > 0 && (
            <select
              aria-label="Add from the rate card"
              className="proposal-items__rate"
              value=""
              disabled={full}
              onChange={(event) => addRate(Number(event.target.value))}
            >
              <option value="">Add from the rate card…</option>
              {rates.map((rate, index) => (
                <option key={index} value={index}>
                  {PLATFORM_LABELS[rate.platform]} · {FORMAT_LABELS[rate.format]} ·{' '}
                  {formatMoney(rate.priceCents, rate.currency)}
                </option>
              ))}
            </select>
          )}
        </span>
        <strong data-testid="proposal-total">
          Total {formatMoney(draftTotal(items, currency), currency)}
        </strong>
      </div>
    </fieldset>
  );
}
