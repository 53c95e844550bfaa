export interface LoadMoreProps {
  /** The paged read: whether there is a further page, and how to ask for it. */
  query: {
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => Promise<unknown>;
  };
  /** The row's class. */
  className: string;
  /** The button's words: "Load more", "Load older". */
  label: string;
}

/** The button under a paged list that asks for its next page; nothing once there is none. */
export function LoadMore({ query, className, label }: LoadMoreProps) {
  if (!query.hasNextPage) return null;
  return (
    <div className={className}>
      <button
        type="button"
        className="button button--small"
        onClick={() => void query.fetchNextPage()}
        disabled={query.isFetchingNextPage}
      >
        {query.isFetchingNextPage ? 'Loading…' : label}
      </button>
    </div>
  );
}
