import type { NoteCreate } from '../../../shared/schemas/timeline';
import { api, unwrap } from '../api';
import { keys } from './keys';
import { useOlderPages } from './read';
import { useInvalidate, useWrite, type Answer, type WriteOptions } from './write';

export const TIMELINE_PAGE_SIZE = 20;

/** A brand's timeline, newest first; each further page is older (`before` = the last page's `nextBefore`). */
export function useBrandTimeline(brandId: string) {
  return useOlderPages(keys.timeline(brandId), TIMELINE_PAGE_SIZE, (page) =>
    unwrap(api.brands[':id'].timeline.$get({ param: { id: brandId }, query: page })),
  );
}

const addNote = (brandId: string, json: NoteCreate) =>
  unwrap(api.brands[':id'].notes.$post({ param: { id: brandId }, json }));

export function useAddNote(
  brandId: string,
  options: WriteOptions<Answer<typeof addNote>, NoteCreate> = {},
) {
  const invalidate = useInvalidate();
  return useWrite(
    (json: NoteCreate) => addNote(brandId, json),
    { onSuccess: () => invalidate(keys.timeline(brandId)), componentFirst: true },
    options,
  );
}

const deleteNote = (brandId: string, noteId: string) =>
  unwrap(api.brands[':id'].notes[':noteId'].$delete({ param: { id: brandId, noteId } }));

/** Removes a note; the timeline is asked again whatever the answer. */
export function useDeleteNote(
  brandId: string,
  options: WriteOptions<Answer<typeof deleteNote>, string> = {},
) {
  const invalidate = useInvalidate();
  const refresh = () => invalidate(keys.timeline(brandId));
  return useWrite(
    (noteId: string) => deleteNote(brandId, noteId),
    { onSuccess: refresh, onError: refresh, componentFirst: true },
    options,
  );
}
