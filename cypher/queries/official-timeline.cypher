// An official's posts and activities as a timeline: posts held (HOLDS, from the first to the
// last date they are attested), meetings chaired or attended, inspections and campaigns promoted.
// @param name "金承涛" the official's name (Simplified) or one of its aliases
MATCH (o:Official)
WHERE o.name = $name OR $name IN o.aliases
MATCH (o)-[r:HOLDS|CHAIRED|ATTENDED|INSPECTED|PROMOTED]->(x)
OPTIONAL MATCH (x)-[:POST_IN|HELD_IN|LOCATED_IN]->(c:City)
RETURN coalesce(r.firstDate, x.date) AS date,
       r.lastDate AS until,
       type(r) AS relation,
       labels(x)[0] AS kind,
       x.name AS what,
       c.name AS place,
       r.evidenceCount AS sentences
ORDER BY date, relation, what
