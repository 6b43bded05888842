import { describe, expect, it } from 'vitest';
import { validateSeedDirs } from '../../../seed/validate/validate.js';
import { planGraph } from '../../../seed/plan/plan.js';
import { DATA_DIR, fixture } from './paths.js';

describe('a second source', () => {
  it('adds evidence to the same Person node instead of duplicating it', async () => {
    const plan = planGraph(await validateSeedDirs([DATA_DIR, fixture('second-source')]));
    const starmers = plan.nodes.filter((n) => n.label === 'Person' && String(n.props.name).includes('Starmer'));
    expect(starmers.map((n) => n.id)).toEqual(['person:keir-starmer']);
    const evidence = plan.rels
      .filter((r) => r.type === 'SUPPORTED_BY' && r.from.id === 'person:keir-starmer')
      .map((r) => plan.nodes.find((n) => n.id === r.to.id)?.props.sourceId);
    expect(new Set(evidence)).toEqual(new Set(['source:uk-france-coalition-ukraine-support', 'source:test-second-source-starmer']));
    expect(starmers[0]?.props.aliases).toEqual(['Keir Starmer', 'Mr Starmer', 'Sir Keir Starmer', 'The British Prime Minister']);
    expect(starmers[0]?.props.honorifics).toEqual(['Mr', 'Sir']);
    // The article, the second text, and the six table files of the tracker.
    expect(plan.nodes.filter((n) => n.label === 'Source' && n.props.kind !== 'dataset-table')).toHaveLength(2);
    // Both sources' tenure claims point at the one office node.
    const tenures = plan.rels.filter((r) => r.type === 'IN_OFFICE' && r.to.id === 'office:gb-prime-minister');
    expect(tenures).toHaveLength(2);
  });
});
