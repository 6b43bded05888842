/** Figures: filtered by measure, subject, share, kind, stage, source, dataset and time. */
import type { Executor } from '../../db/Executor.js';
import type { FigureFilter, FigureOrderField } from '../../generated/graphql.js';
import { figureWhere } from '../filters/figureFilter.js';
import type { Connection } from '../pagination/fetchPage.js';
import type { NodeRecord } from '../records.js';
import { listPage, type ListArgs, type ListSpec } from './listPage.js';
import { BY_NAME, BY_TIME, BY_VALUE } from './sortKeys.js';

const FIGURES: ListSpec<FigureOrderField, FigureFilter> = {
  list: 'figures',
  match: 'MATCH (n:Figure)',
  keys: { NAME: BY_NAME, TIME: BY_TIME, VALUE: BY_VALUE },
  defaultOrder: { field: 'NAME', direction: 'ASC' },
  where: (filter) => figureWhere(filter, 'n'),
};

/** A page of figures. */
export function figurePage(executor: Executor, args: ListArgs<FigureOrderField, FigureFilter>): Promise<Connection<NodeRecord>> {
  return listPage(executor, FIGURES, args);
}
