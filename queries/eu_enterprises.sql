-- title: Enterprises behind the EU common indicators RCO01, RCO02 and RCO04
-- returns: one row per enterprise (org_type sme or large_enterprise) counted in at least one of
--   them: org_id, org_name, org_type, size_class ('unknown' when empty), by_grant (counts in RCO02),
--   non_financial (counts in RCO04); RCO01 = either, each enterprise once
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
-- why: the rows behind the output indicators (definitions in queries/model/70_eu_enterprises.sql).
SELECT org_id, name AS org_name, org_type, size_class, by_grant, non_financial
FROM eu_enterprises($calls, $sectors, $subregions, $year_from, $year_to)
ORDER BY org_id
