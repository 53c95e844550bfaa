import { describe, expect, it } from 'vitest';
import {
  apiClient,
  createDeal,
  createDeliverable,
  PROCESS_TEST_TIMEOUT_MS,
  setUpOwner,
  useProcessScope,
  waitFor,
} from './support';

const scope = useProcessScope();

describe('APP_URL unset (real server process)', () => {
  it(
    'names the port it listens on at start-up and in the links it makes',
    async () => {
      // PORT=0: the system picks a free port, known only once the server listens.
      const server = await scope().start();
      const origin = `http://localhost:${server.port}`;
      const line = await waitFor(
        'the start-up line naming the link URL',
        () => server.output().match(/^Links use .*$/m)?.[0],
      );
      expect(line).toBe(`Links use ${origin}; set APP_URL to change`);

      const api = apiClient(server.url, await setUpOwner(server.url));
      const inviteAnswer = await api.invites.$post({ json: { role: 'editor' } });
      expect(inviteAnswer.status).toBe(201);
      const invite = (await inviteAnswer.json()) as { url: string; token: string };
      expect(invite.url).toBe(`${origin}/invite/${invite.token}`);

      const { dealId } = await createDeal(api);
      const deliverable = await createDeliverable(api, { dealId, title: 'Unboxing video' });
      const moved = await api.deliverables[':id'].$patch({
        param: { id: deliverable.id },
        json: { status: 'in_review', version: deliverable.version },
      });
      expect(moved.status).toBe(200);
      const reviewAnswer = await api.deliverables[':id']['review-links'].$post({
        param: { id: deliverable.id },
        json: {},
      });
      expect(reviewAnswer.status).toBe(201);
      const review = (await reviewAnswer.json()) as { url: string; token: string };
      expect(review.url).toBe(`${origin}/review/${review.token}`);
      // The link leads to the review page's read on this very server.
      const opened = await fetch(`${server.url}/api/review/${review.token}`);
      expect(opened.status).toBe(200);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'uses APP_URL as given and says so',
    async () => {
      const server = await scope().start({ APP_URL: 'https://cal.example.com/' });
      await waitFor('the start-up line naming the link URL', () =>
        server.output().includes('Links use https://cal.example.com (APP_URL)'),
      );
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
