import { olderThan } from '../cursor';
import { brandPerson, clip, entry, teammate, type TimelineSource } from './source';

/** Campaign reports shared with the brand (a report link made for one of its deals). */
export const reportsSharedSource: TimelineSource = {
  name: 'report-link',
  read: async (db, { brandId, before, limit }) => {
    const rows = await db
      .selectFrom('reportLinks')
      .innerJoin('deals', 'deals.id', 'reportLinks.dealId')
      .leftJoin('users', 'users.id', 'reportLinks.createdBy')
      .select([
        'reportLinks.id',
        'reportLinks.createdAt',
        'reportLinks.createdBy',
        'users.name as actorName',
        'deals.id as dealId',
        'deals.title',
      ])
      .where('deals.brandId', '=', brandId)
      .where((eb) =>
        olderThan(eb, 'reportLinks.createdAt', 'reportLinks.id', 'report-link', before),
      )
      .orderBy('reportLinks.createdAt', 'desc')
      .orderBy('reportLinks.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) =>
      entry('report-link', row.id, {
        type: 'report_shared',
        at: row.createdAt,
        actor: teammate(row.createdBy, row.actorName),
        subjectType: 'deal',
        subjectId: row.dealId,
        dealId: row.dealId,
        summary: `Campaign report shared for "${row.title}"`,
      }),
    );
  },
};

/** Testimonials the brand left on a report. */
export const testimonialsSource: TimelineSource = {
  name: 'testimonial',
  read: async (db, { brandId, before, limit }) => {
    const rows = await db
      .selectFrom('testimonials')
      .innerJoin('deals', 'deals.id', 'testimonials.dealId')
      .select([
        'testimonials.id',
        'testimonials.createdAt',
        'testimonials.name',
        'testimonials.quote',
        'deals.id as dealId',
        'deals.title',
      ])
      .where('deals.brandId', '=', brandId)
      .where((eb) =>
        olderThan(eb, 'testimonials.createdAt', 'testimonials.id', 'testimonial', before),
      )
      .orderBy('testimonials.createdAt', 'desc')
      .orderBy('testimonials.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) =>
      entry('testimonial', row.id, {
        type: 'testimonial',
        at: row.createdAt,
        actor: brandPerson(row.name, 'The brand'),
        subjectType: 'deal',
        subjectId: row.dealId,
        dealId: row.dealId,
        summary: `Testimonial on the report for "${row.title}": “${clip(row.quote)}”`,
      }),
    );
  },
};
