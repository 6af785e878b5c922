-- The gross profit report's notes: every bill classified, by the first reason it cannot be priced
-- (NULL when it is priced), with its month and USD revenue. Same rules as gross-profit.sql.
WITH default_rates (currency, rate_to_usd) AS (
  VALUES
    ('USD', CAST(1 AS DECIMAL(18, 6))),
    ('CAD', CAST(0.79 AS DECIMAL(18, 6))),
    ('MXN', CAST(0.05 AS DECIMAL(18, 6)))
),
rates AS (
  SELECT currency, MAX(CAST(rate_to_usd AS DECIMAL(18, 6))) AS rate_to_usd
  FROM currency_rates
  GROUP BY currency
  UNION ALL
  SELECT currency, rate_to_usd
  FROM default_rates
  WHERE NOT EXISTS (SELECT 1 FROM currency_rates)
),
units AS (
  SELECT DISTINCT CAST(company_id AS VARCHAR) AS company_id, item_type FROM units_sold
),
costs AS (
  SELECT DISTINCT item FROM production_costs
),
-- Bills grouped by what decides their fate and their month: one pass over billing, few rows after.
bill_groups AS (
  SELECT
    id,
    item,
    currency,
    SUBSTR(CAST(bill_date AS VARCHAR), 1, 7) AS month,
    COUNT(*) AS bills,
    SUM(CAST(bill_amount AS DECIMAL(18, 4))) AS amount
  FROM billing
  GROUP BY id, item, currency, SUBSTR(CAST(bill_date AS VARCHAR), 1, 7)
),
classified AS (
  SELECT
    CASE
      WHEN g.id IS NULL OR TRIM(CAST(g.id AS VARCHAR)) = '' THEN 'missing id'
      WHEN r.currency IS NULL THEN 'unknown currency'
      WHEN c.item IS NULL THEN 'no production_costs row for the item'
      WHEN u.company_id IS NULL THEN 'no units_sold row for (company, item)'
    END AS reason,
    g.month,
    g.bills,
    g.amount * r.rate_to_usd AS revenue_usd
  FROM bill_groups g
  LEFT JOIN rates r ON r.currency = g.currency
  LEFT JOIN costs c ON c.item = g.item
  LEFT JOIN units u ON u.company_id = CAST(g.id AS VARCHAR) AND u.item_type = g.item
)
SELECT
  reason,
  month,
  SUM(bills) AS bills,
  CAST(ROUND(SUM(revenue_usd), 2) AS DECIMAL(18, 2)) AS revenue_usd
FROM classified
GROUP BY reason, month
ORDER BY reason, month
