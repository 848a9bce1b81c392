// Which campaigns are pushed where and by whom: for each campaign, the officials who promoted
// it (PROMOTED), the divisions of the posts they hold, the number of sentences, and in how
// many articles the campaign is mentioned (MENTIONS). Campaigns nobody promoted show a null promoter.
// @param campaign null a campaign's name or alias (e.g. "枫桥经验"); null for all campaigns
MATCH (k:Campaign)
WHERE $campaign IS NULL OR k.name = $campaign OR $campaign IN k.aliases
CALL (k) {
  MATCH (a:Article)-[:MENTIONS]->(k)
  RETURN count(a) AS articles
}
OPTIONAL MATCH (o:Official)-[p:PROMOTED]->(k)
CALL (o) {
  OPTIONAL MATCH (o)-[:HOLDS]->(:Post)-[:POST_IN]->(c:City)
  RETURN collect(DISTINCT c.name) AS divisions
}
RETURN k.name AS campaign,
       o.name AS promotedBy,
       divisions AS where,
       p.firstDate AS firstDate,
       p.evidenceCount AS sentences,
       articles
ORDER BY campaign, firstDate, promotedBy
