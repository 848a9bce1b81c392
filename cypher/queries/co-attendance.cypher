// Co-attendance network: pairs of officials who chaired or attended the same meetings,
// with how many meetings they shared, most frequent pairs first. Each pair appears once.
// @param name null an official's name or alias to show only that official's pairs; null for the whole network
// @param minMeetings 1 keep pairs that shared at least this many meetings
MATCH (a:Official)-[:CHAIRED|ATTENDED]->(m:Meeting)<-[:CHAIRED|ATTENDED]-(b:Official)
WHERE a.key < b.key
  AND ($name IS NULL OR a.name = $name OR b.name = $name OR $name IN a.aliases OR $name IN b.aliases)
WITH a, b, collect(DISTINCT m) AS shared
WHERE size(shared) >= $minMeetings
RETURN a.name AS official,
       b.name AS other,
       size(shared) AS meetings,
       [m IN shared | m.name] AS meetingNames
ORDER BY meetings DESC, official, other
