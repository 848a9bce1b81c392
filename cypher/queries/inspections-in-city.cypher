// Inspections in a division and all its subdivisions (PART_OF*): officials who inspected the
// division itself, a division inside it, or a site located in one of them; oldest first.
// @param city "杭州市" the division's name, an alias, or its GB/T 2260 code ("330100")
MATCH (root:City)
WHERE root.name = $city OR root.code = $city OR $city IN root.aliases
MATCH (c:City)-[:PART_OF*0..]->(root)
CALL (c) {
  MATCH (o:Official)-[r:INSPECTED]->(c)
  RETURN o, r, c AS place
  UNION
  MATCH (o:Official)-[r:INSPECTED]->(place:Site)-[:LOCATED_IN]->(c)
  RETURN o, r, place
}
RETURN DISTINCT r.firstDate AS date,
       o.name AS official,
       place.name AS place,
       labels(place)[0] AS kind,
       c.name AS division,
       r.evidenceSentences[0] AS sentence
ORDER BY date, official, place
