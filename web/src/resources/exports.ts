import { api } from '../api';

/** Where the CSV exports download from (plain links: the browser saves them). */
export const exportPaths = {
  deals: () => api.exports['deals.csv'].$path(),
  invoices: () => api.exports['invoices.csv'].$path(),
  payments: () => api.exports['payments.csv'].$path(),
  deliverables: () => api.exports['deliverables.csv'].$path(),
};
