-- SMEs trading in foreign markets: distinct organisations with org_type = 'sme', members of a
-- supported cluster, with an exports row whose year is not before the year of that cluster's
-- first award. An SME in several such clusters is one row, listing them all.
CREATE OR REPLACE MACRO trading_smes_computed(calls, sectors, subregions, year_from, year_to) AS TABLE
SELECT
    o.org_id,
    o.name,
    o.size_class,
    o.subregion,
    list(DISTINCT p.cluster_id ORDER BY p.cluster_id) AS cluster_ids,
    min(e."year") AS first_export_year_after_award,
    min(year(p.first_award_date)) AS award_year
FROM cluster_progress(calls, sectors, subregions, year_from, year_to) AS p
JOIN memberships AS m ON m.cluster_id = p.cluster_id
JOIN organisations AS o ON o.org_id = m.org_id AND o.org_type = 'sme'
JOIN exports_in(year_from, year_to) AS e ON e.org_id = o.org_id AND e."year" >= year(p.first_award_date)
WHERE p.is_supported
GROUP BY o.org_id, o.name, o.size_class, o.subregion;

-- The call the queries make. For each version outcomes/db.py keeps the unfiltered rows as a table
-- and replaces this with a macro that reads the table when no filter is set (see db.UNFILTERED).
CREATE OR REPLACE MACRO trading_smes(calls, sectors, subregions, year_from, year_to) AS TABLE
SELECT * FROM trading_smes_computed(calls, sectors, subregions, year_from, year_to);
