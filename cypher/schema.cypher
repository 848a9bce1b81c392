// Schema of the kg graph in Neo4j 5: one uniqueness constraint on `key` per node label of
// src/graph/schema.ts (which also backs every MERGE of `kg load` with an index), indexes on
// what the query library filters on, and a full-text index over names and aliases.
//
// `kg load` applies this file before loading. Every statement is IF NOT EXISTS, so it can
// run any number of times; by hand:
//   cypher-shell -a bolt://127.0.0.1:7687 -u neo4j -p kgpassword -f cypher/schema.cypher

CREATE CONSTRAINT official_key IF NOT EXISTS FOR (n:Official) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT post_key IF NOT EXISTS FOR (n:Post) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT city_key IF NOT EXISTS FOR (n:City) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT meeting_key IF NOT EXISTS FOR (n:Meeting) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT campaign_key IF NOT EXISTS FOR (n:Campaign) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT site_key IF NOT EXISTS FOR (n:Site) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT article_key IF NOT EXISTS FOR (n:Article) REQUIRE n.key IS UNIQUE;

// Lookups by name (the query library takes names as parameters).
CREATE INDEX official_name IF NOT EXISTS FOR (n:Official) ON (n.name);
CREATE INDEX post_name IF NOT EXISTS FOR (n:Post) ON (n.name);
CREATE INDEX city_name IF NOT EXISTS FOR (n:City) ON (n.name);
CREATE INDEX meeting_name IF NOT EXISTS FOR (n:Meeting) ON (n.name);
CREATE INDEX campaign_name IF NOT EXISTS FOR (n:Campaign) ON (n.name);
CREATE INDEX site_name IF NOT EXISTS FOR (n:Site) ON (n.name);

// Dates and codes.
CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date);
CREATE INDEX city_code IF NOT EXISTS FOR (n:City) ON (n.code);
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published);
CREATE INDEX holds_dates IF NOT EXISTS FOR ()-[r:HOLDS]-() ON (r.firstDate, r.lastDate);

// Search by any spelling: the CJK analyzer splits Chinese into overlapping bigrams, so
// 王浩 finds 王浩 and 龙山化工 finds 杭州龙山化工有限公司. Usage:
//   CALL db.index.fulltext.queryNodes('names', '龙山化工') YIELD node, score RETURN node.name, score
CREATE FULLTEXT INDEX names IF NOT EXISTS
FOR (n:Official|Post|City|Meeting|Campaign|Site)
ON EACH [n.name, n.aliases]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
