import { Link } from '../../components/link';
import { useRequestOfDeal } from '../../resources/requests';

/** "From request": on a deal that a brand's request became, back to that request. */
export function FromRequestLink({ dealId }: { dealId: string }) {
  const request = useRequestOfDeal(dealId);
  if (!request.data) return null;
  return (
    <Link href={`/requests?request=${encodeURIComponent(request.data.id)}`} className="small">
      From request
    </Link>
  );
}
