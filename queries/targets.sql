-- title: The programme's own targets
-- returns: one row per target: indicator (a funnel stage key or another name), target, baseline, unit
-- params: none
SELECT indicator, target, baseline, unit
FROM targets
ORDER BY source_row
