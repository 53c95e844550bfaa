import type { SearchKind, SearchResult } from '../../../shared/schemas/search';
import {
  BRAND_STAGE_LABELS,
  DEAL_STATUS_LABELS,
  DELIVERABLE_STATUS_LABELS,
  INVOICE_STATUS_LABELS,
  PLATFORM_LABELS,
} from '../format';

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  brand: 'Brand',
  deal: 'Deal',
  invoice: 'Invoice',
  deliverable: 'Deliverable',
};

/**
 * Where a result opens: a deliverable on the calendar, a deal on its page, a
 * brand in the brands page's dialog, an invoice on its deal's page at its card.
 */
export function searchResultHref(result: SearchResult): string {
  switch (result.kind) {
    case 'deliverable':
      return `/?deliverable=${encodeURIComponent(result.id)}`;
    case 'deal':
      return `/deals/${encodeURIComponent(result.id)}`;
    case 'brand':
      return `/brands?brand=${encodeURIComponent(result.id)}`;
    case 'invoice':
      return `/deals/${encodeURIComponent(result.dealId)}#invoice-${encodeURIComponent(result.id)}`;
  }
}

/** The line under a result's title: whose it is and where it stands. */
function describe(result: SearchResult): string {
  switch (result.kind) {
    case 'brand':
      return BRAND_STAGE_LABELS[result.stage];
    case 'deal':
      return `${result.brandName} · ${DEAL_STATUS_LABELS[result.status]}`;
    case 'invoice':
      return `${result.brandName} · ${INVOICE_STATUS_LABELS[result.status]}`;
    case 'deliverable':
      return `${result.brandName} · ${PLATFORM_LABELS[result.platform]} · ${DELIVERABLE_STATUS_LABELS[result.status]}`;
  }
}

/** One option's content: the kind, the title, whose it is, and the words that matched a caption or brief. */
export function SearchResultContent({ result }: { result: SearchResult }) {
  const byText = result.matched === 'caption' || result.matched === 'brief';
  return (
    <>
      <span className={`search-result__kind search-result__kind--${result.kind}`}>
        {SEARCH_KIND_LABELS[result.kind]}
      </span>
      <span className="search-result__text">
        <span className="search-result__title">{result.title}</span>
        <span className="search-result__meta">{describe(result)}</span>
        {byText && (
          <span className="search-result__snippet">
            {result.matched === 'caption' ? 'Caption' : 'Brief'}: {result.snippet}
          </span>
        )}
      </span>
    </>
  );
}
