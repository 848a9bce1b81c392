// Shortest connection between two officials through meetings, posts, places, sites and
// campaigns (every relationship but MENTIONS, which would link everyone through articles).
// @param from "王浩" one official's name or alias
// @param to "刘捷" the other official's name or alias
MATCH (a:Official) WHERE a.name = $from OR $from IN a.aliases
MATCH (b:Official) WHERE b.name = $to OR $to IN b.aliases
MATCH p = shortestPath((a)-[:CHAIRED|ATTENDED|INSPECTED|HOLDS|PROMOTED|POST_IN|HELD_IN|LOCATED_IN|PART_OF*..12]-(b))
RETURN length(p) AS hops,
       [n IN nodes(p) | n.name] AS names,
       [n IN nodes(p) | labels(n)[0]] AS kinds,
       [r IN relationships(p) | type(r)] AS relations
