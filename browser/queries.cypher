// Exploration queries for Neo4j Browser. Each one starts with a "// title" line and ends with ";".
// Paste one into the editor, or drag this file into the Favorites drawer to import them all.
// Ids in the first WITH line are examples: replace them to explore something else.
// test/integration/browserQueries.test.ts runs every query here against the seeded graph.

// Who committed what to whom in the article (graph)
WITH 'source:uk-france-coalition-ukraine-support' AS sourceId
MATCH p = (donor)-[:COMMITTED]->(c:Commitment {sourceId: sourceId})
OPTIONAL MATCH q = (c)-[:TO]->(recipient)
RETURN p, q;

// Who committed what to whom in the article (table)
WITH 'source:uk-france-coalition-ukraine-support' AS sourceId
MATCH (donor)-[:COMMITTED]->(c:Commitment {sourceId: sourceId})
OPTIONAL MATCH (c)-[:TO]->(recipient)
OPTIONAL MATCH (c)<-[:HAS_PART]-(whole:Commitment)
RETURN donor.name AS donor, c.name AS commitment, c.kind AS kind, c.subtype AS subtype, c.status AS status,
       c.amountStated AS amountAsStated, c.amountValue AS value, c.amountCurrency AS currency,
       collect(DISTINCT recipient.name) AS recipients, whole.name AS partOf
ORDER BY donor, commitment;

// All quotes by a person, with the occasion
WITH 'person:john-healey' AS personId
MATCH (p:Person {id: personId})-[:SAID]->(s:Statement)
OPTIONAL MATCH (s)-[:DURING]->(occasion:Event)
RETURN s.kind AS kind, s.text AS text, occasion.name AS occasion, s.flags AS flags
ORDER BY kind, text;

// The evidence behind a commitment (graph)
WITH 'commitment:uk-ukraine-era-loan-2-26bn' AS commitmentId
MATCH p = (c:Commitment {id: commitmentId})-[:SUPPORTED_BY]->(:Evidence)-[:FOUND_IN]->(:Source)
RETURN p;

// The evidence behind a commitment (exact words and offsets)
WITH 'commitment:uk-ukraine-era-loan-2-26bn' AS commitmentId
MATCH (c:Commitment {id: commitmentId})-[:SUPPORTED_BY]->(e:Evidence)-[:FOUND_IN]->(s:Source)
RETURN e.quote AS quote, e.start AS start, e.end AS end, s.name AS source
ORDER BY start;

// Everything one step from a person (graph)
WITH 'person:keir-starmer' AS personId
MATCH p = (:Person {id: personId})-[r]-(other)
WHERE NOT type(r) IN ['SUPPORTED_BY']
RETURN p;

// Offices held, and for whom
MATCH (p:Person)-[:HOLDS]->(t:Tenure)-[:IN_OFFICE]->(o:Office)-[:OFFICE_OF]->(body)
RETURN p.name AS person, o.name AS office, body.name AS of, t.status AS status, t.flags AS flags
ORDER BY person;

// Who supports or opposes what
MATCH (who)-[:TOOK]->(s:Stance)-[:TOWARDS]->(target)
RETURN who.name AS who, s.kind AS stance, target.name AS towards, s.name AS summary
ORDER BY towards, who;

// Timeline: events in the order the source allows, with time as stated
MATCH (e:Event)
RETURN e.name AS event, e.timeStated AS when, e.timePrecision AS precision, e.status AS status
ORDER BY coalesce(e.timeRelativeDaysMin, 0), e.name;

// What the source leaves vague or contradicts (flagged facts)
MATCH (n)
WHERE size(coalesce(n.flags, [])) > 0
RETURN labels(n)[0] AS label, n.name AS fact, n.flags AS flags, n.notes AS notes
ORDER BY label, fact;

// Conflicting claims, side by side (graph)
MATCH p = (:Tenure)-[:CONFLICTS_WITH]->(:Tenure)
RETURN p;

// Full-text search over names and aliases
CALL db.index.fulltext.queryNodes('search_names', 'Chancellor OR Reeves') YIELD node, score
RETURN labels(node)[0] AS label, node.name AS name, score
ORDER BY score DESC LIMIT 10;

// Kiel tracker: a donor's monthly allocations, one column per kind (table)
WITH 'nation:gb' AS donorId, 'dataset:kiel-ust-r29' AS datasetId
MATCH (:Nation|Organization {id: donorId})-[:COMMITTED]->(c:Commitment {datasetId: datasetId, status: 'allocated'})
WITH c.timePeriod AS month, c.kind AS kind, sum(c.amountValue) AS eur
RETURN month,
       sum(CASE kind WHEN 'financial' THEN eur ELSE 0 END) AS financialEUR,
       sum(CASE kind WHEN 'humanitarian' THEN eur ELSE 0 END) AS humanitarianEUR,
       sum(CASE kind WHEN 'military' THEN eur ELSE 0 END) AS militaryEUR,
       sum(eur) AS totalEUR
ORDER BY month;

// Kiel tracker: top donors by aid allocated, in EUR (table)
WITH 'dataset:kiel-ust-r29' AS datasetId
MATCH (donor)-[:COMMITTED]->(c:Commitment {datasetId: datasetId, status: 'allocated'})
RETURN donor.name AS donor, sum(c.amountValue) AS allocatedEUR, count(c) AS allocations,
       min(c.timePeriod) AS firstMonth, max(c.timePeriod) AS lastMonth
ORDER BY allocatedEUR DESC
LIMIT 15;

// Kiel tracker: heavy weapons by donor, with the systems listed (graph)
WITH 'nation:de' AS donorId
MATCH p = (:Nation|Organization {id: donorId})-[:COMMITTED]->(:HeavyWeapons)-[:INCLUDES]->(:WeaponSystem)
RETURN p;

// Kiel tracker: the row behind a figure, and the file it is in (graph)
WITH 'commitment:kiel-ust-r29-gb-2022-03-military-allocated' AS factId
MATCH p = (:Commitment {id: factId})-[:SUPPORTED_BY]->(:Evidence)-[:FOUND_IN]->(:Source)-[:PART_OF]->(:Dataset)
RETURN p;
