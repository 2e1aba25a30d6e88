-- title: SMEs trading in foreign markets
-- returns: one row per trading SME: org_id, org_name, size_class, subregion, cluster_ids (the supported
--   clusters it counts through), award_year (earliest first award among them), first_export_year_after_award
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
SELECT
    org_id,
    name AS org_name,
    size_class,
    subregion,
    array_to_string(cluster_ids, ', ') AS cluster_ids,
    award_year,
    first_export_year_after_award
FROM trading_smes($calls, $sectors, $subregions, $year_from, $year_to)
ORDER BY org_id
