-- title: Exports by organisations in no cluster
-- why: these exports cannot count for the programme
-- returns: org_id, org_name, org_type, export_rows, first_year, last_year
SELECT o.org_id, o.name AS org_name, o.org_type, count(*) AS export_rows, min(e."year") AS first_year, max(e."year") AS last_year
FROM exports AS e
JOIN organisations AS o USING (org_id)
WHERE NOT EXISTS (SELECT 1 FROM memberships AS m WHERE m.org_id = e.org_id)
GROUP BY o.org_id, o.name, o.org_type
ORDER BY o.org_id
