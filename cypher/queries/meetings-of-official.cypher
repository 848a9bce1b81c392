// Meetings an official chaired or attended, in date order (undated meetings last).
// One row per meeting; `roles` says CHAIRED and/or ATTENDED; `sentence` is the first evidence.
// @param name "王浩" the official's name (Simplified) or one of its aliases (Traditional, short forms)
MATCH (o:Official)
WHERE o.name = $name OR $name IN o.aliases
MATCH (o)-[r:CHAIRED|ATTENDED]->(m:Meeting)
OPTIONAL MATCH (m)-[:HELD_IN]->(c:City)
WITH o, m, c, r ORDER BY type(r) DESC
RETURN m.date AS date,
       m.name AS meeting,
       collect(DISTINCT type(r)) AS roles,
       c.name AS city,
       o.name AS official,
       head(collect(r.evidenceSentences[0])) AS sentence
ORDER BY date, meeting
