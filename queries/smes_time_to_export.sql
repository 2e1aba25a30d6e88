-- title: Time from the cluster's award to a member's first export after it
-- returns: one row per whole number of years between a trading SME's award year (the earliest first
--   award of its supported clusters) and its first export year not before it (0 = the award year):
--   years_to_first_export, trading_smes, new_exporter_smes, existing_exporter_smes, not_stated_smes
-- params: calls, sectors, subregions (lists, NULL = all), year_from, year_to (NULL = open)
SELECT
    years_to_first_export,
    count(*) AS trading_smes,
    count(*) FILTER (WHERE exporter_kind = 'new') AS new_exporter_smes,
    count(*) FILTER (WHERE exporter_kind = 'existing') AS existing_exporter_smes,
    count(*) FILTER (WHERE exporter_kind = 'not stated') AS not_stated_smes
FROM trading_sme_profiles($calls, $sectors, $subregions, $year_from, $year_to)
GROUP BY years_to_first_export
ORDER BY years_to_first_export
