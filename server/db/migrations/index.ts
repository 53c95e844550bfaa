import type { Migration } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_alerts';
import * as m0003 from './0003_login_throttle';
import * as m0004 from './0004_invoices';
import * as m0005 from './0005_team';
import * as m0006 from './0006_calendar_feeds';
import * as m0007 from './0007_brand_work';
import * as m0008 from './0008_hot_path_indexes';
import * as m0009 from './0009_calendar_covering_indexes';
import * as m0010 from './0010_getting_paid';
import * as m0011 from './0011_search';
import * as m0012 from './0012_deal_packages';
import * as m0013 from './0013_brand_requests';
import * as m0014 from './0014_proposals';
import * as m0015 from './0015_reports';
import * as m0016 from './0016_brand_notes';
import * as m0017 from './0017_deal_rule_indexes';
import * as m0018 from './0018_risk_indexes';

/** Every migration, by name; names sort in the order they apply. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_alerts': m0002,
  '0003_login_throttle': m0003,
  '0004_invoices': m0004,
  '0005_team': m0005,
  '0006_calendar_feeds': m0006,
  '0007_brand_work': m0007,
  '0008_hot_path_indexes': m0008,
  '0009_calendar_covering_indexes': m0009,
  '0010_getting_paid': m0010,
  '0011_search': m0011,
  '0012_deal_packages': m0012,
  '0013_brand_requests': m0013,
  '0014_proposals': m0014,
  '0015_reports': m0015,
  '0016_brand_notes': m0016,
  '0017_deal_rule_indexes': m0017,
  '0018_risk_indexes': m0018,
};
