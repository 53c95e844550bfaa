import './search-box.css';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchResult } from '../../../shared/schemas/search';
import { errorMessage } from '../api';
import { navigate } from '../hooks/use-router';
import { SEARCH_MIN_LENGTH, useSearch } from '../resources/search';
import { CloseIcon, Icon, Stroke } from './icons';
import { SearchResultContent, searchResultHref } from './search-result';

const FOCUS_EVENT = 'sponsorcal:focus-search';
/** How long typing must pause before the server is asked. */
const DEBOUNCE_MS = 150;

/** Puts the cursor in the header's search box (the `/` shortcut); on a phone, opens it first. */
export function focusSearch(): void {
  window.dispatchEvent(new Event(FOCUS_EVENT));
}

function SearchIcon() {
  return (
    <Icon size={18}>
      <Stroke d="M8.5 3.5a5 5 0 1 1 0 10 5 5 0 0 1 0-10zM12.2 12.2 16.5 16.5" />
    </Icon>
  );
}

/** `value`, once it has not changed for `ms`. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** What the panel says when it shows no results (null: it shows the results, or nothing). */
function statusText(
  typed: string,
  search: ReturnType<typeof useSearch>,
  results: SearchResult[],
): string | null {
  if (typed.length < SEARCH_MIN_LENGTH) return `Type at least ${SEARCH_MIN_LENGTH} characters`;
  if (search.error) return `Search failed: ${errorMessage(search.error)}`;
  if (results.length > 0) return null;
  if (!search.data || search.isPlaceholderData) return 'Searching…';
  return `Nothing matches “${typed}”`;
}

/**
 * Search everywhere, in the app's header: a combobox whose listbox shows the
 * server's results as the user types (best first; the previous answer stays
 * while the next loads). ↑/↓ move, Enter opens, Escape closes then clears.
 * On a phone it is an icon that opens the box across the header.
 */
export function SearchBox() {
  const id = useId();
  const listId = `${id}-results`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = query.trim();
  const search = useSearch(useDebounced(typed, DEBOUNCE_MS));
  const results = typed.length >= SEARCH_MIN_LENGTH ? (search.data?.items ?? []) : [];
  const status = statusText(typed, search, results);
  const showPanel = open && typed.length > 0;
  const activeResult = showPanel ? results[active] : undefined;

  useEffect(() => {
    const onFocus = () => {
      setExpanded(true);
      // At once where the box is shown, so the next key typed lands in it; where it is
      // only an icon, the box appears with this render: focus it once it is there.
      inputRef.current?.focus();
      window.requestAnimationFrame(() => inputRef.current?.focus());
    };
    window.addEventListener(FOCUS_EVENT, onFocus);
    return () => window.removeEventListener(FOCUS_EVENT, onFocus);
  }, []);

  const change = (value: string) => {
    setQuery(value);
    setOpen(true);
    setActive(-1);
  };

  const close = () => {
    setQuery('');
    setOpen(false);
    setActive(-1);
    setExpanded(false);
    inputRef.current?.blur();
  };

  const openResult = (result: SearchResult) => {
    close();
    navigate(searchResultHref(result));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = results.length - 1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (last < 0) return;
      const down = event.key === 'ArrowDown';
      setActive((i) => (down ? (i >= last ? 0 : i + 1) : i <= 0 ? last : i - 1));
    } else if (event.key === 'Enter') {
      const chosen = activeResult ?? (showPanel ? results[0] : undefined);
      if (chosen) {
        event.preventDefault();
        openResult(chosen);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (showPanel) setOpen(false);
      else close();
    }
  };

  return (
    <div className={`search${expanded ? ' search--expanded' : ''}`}>
      <button
        type="button"
        className="icon-button search__open"
        aria-label="Search"
        onClick={focusSearch}
      >
        <SearchIcon />
      </button>
      <div className="search__field">
        <span className="search__icon">
          <SearchIcon />
        </span>
        <input
          ref={inputRef}
          type="search"
          className="search__input"
          dir="auto"
          placeholder="Search"
          aria-label="Search everywhere"
          aria-keyshortcuts="/"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showPanel}
          aria-controls={listId}
          aria-activedescendant={activeResult ? `${id}-option-${active}` : undefined}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => change(e.target.value)}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            if (query === '') setExpanded(false);
          }}
          onKeyDown={onKeyDown}
        />
        {!query && (
          <kbd className="search__hint" aria-hidden="true">
            /
          </kbd>
        )}
        <button
          type="button"
          className="icon-button search__close"
          aria-label="Close search"
          onMouseDown={(e) => e.preventDefault()}
          onClick={close}
        >
          <CloseIcon size={18} />
        </button>
      </div>
      <div className="popover search__panel" hidden={!showPanel}>
        <ul id={listId} role="listbox" aria-label="Search results" className="search__results">
          {(status === null ? results : []).map((result, i) => (
            <li
              key={`${result.kind}-${result.id}`}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === active}
              className="search-result"
              data-kind={result.kind}
              // Keep the focus in the box: the click opens the result.
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => openResult(result)}
            >
              <SearchResultContent result={result} />
            </li>
          ))}
        </ul>
        <p
          className={`search__status${search.error && typed.length >= SEARCH_MIN_LENGTH ? ' search__status--error' : ''}`}
          role="status"
        >
          {showPanel ? status : null}
        </p>
      </div>
    </div>
  );
}
