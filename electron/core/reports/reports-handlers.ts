import { activeLake } from '../engine/active-lake';
import type { HandlerMap } from '../handler-types';
import { buildGrossProfitReport } from './gross-profit-report';

/** reports.*: the gross profit report of the active lake. */
export const reportsHandlers: HandlerMap<'reports.grossProfit'> = {
  'reports.grossProfit': {
    title: () => 'Gross profit report',
    async run(_input, ctx, job) {
      const lake = await activeLake(ctx);
      return buildGrossProfitReport(lake.engine, job.signal, (p) => job.progress(p));
    },
  },
};
