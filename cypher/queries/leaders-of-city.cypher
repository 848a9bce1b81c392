// Leaders of a division at a date: officials holding a post of that division (Post-POST_IN->City)
// whose attested period (HOLDS firstDate..lastDate) includes the date. An undated end of the
// period counts as open. Attestation is what the articles say, not a full term of office.
// @param city "杭州市" the division's name, an alias, or its GB/T 2260 code
// @param date "2022-04-02" the date, YYYY-MM-DD
MATCH (c:City)
WHERE c.name = $city OR c.code = $city OR $city IN c.aliases
MATCH (o:Official)-[h:HOLDS]->(p:Post)-[:POST_IN]->(c)
WHERE (h.firstDate IS NULL OR h.firstDate <= $date)
  AND (h.lastDate IS NULL OR h.lastDate >= $date)
RETURN p.name AS post,
       o.name AS official,
       h.firstDate AS firstAttested,
       h.lastDate AS lastAttested,
       c.name AS city
ORDER BY post, official
