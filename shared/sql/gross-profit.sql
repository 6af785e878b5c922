-- Gross profit per (company, item): DOMAIN.md "Gross profit report", the one definition every
-- engine runs (DuckDB locally, Trino/Athena, Spark SQL). Portable SQL only: no engine's functions.
-- Money is exact DECIMAL arithmetic, rounded half-up (away from zero) to 2 decimals at the end.
WITH default_rates (currency, rate_to_usd) AS (
  VALUES
    ('USD', CAST(1 AS DECIMAL(18, 6))),
    ('CAD', CAST(0.79 AS DECIMAL(18, 6))),
    ('MXN', CAST(0.05 AS DECIMAL(18, 6)))
),
-- The lake's currency_rates when it has any rows, else the defaults. A lake without the table gets an
-- empty stand-in from the engine, so this query never depends on the table existing.
rates AS (
  SELECT currency, MAX(CAST(rate_to_usd AS DECIMAL(18, 6))) AS rate_to_usd
  FROM currency_rates
  GROUP BY currency
  UNION ALL
  SELECT currency, rate_to_usd
  FROM default_rates
  WHERE NOT EXISTS (SELECT 1 FROM currency_rates)
),
-- Bills summed per (company, item, currency) before pricing: with exact decimals this equals pricing
-- each bill, and it multiplies thousands of sums instead of millions of bills.
bill_totals AS (
  SELECT
    id,
    item,
    currency,
    MAX(company_name) AS company_name,
    MAX(country) AS country,
    MAX(product_line) AS product_line,
    SUM(CAST(bill_amount AS DECIMAL(18, 4))) AS amount
  FROM billing
  WHERE id IS NOT NULL
  GROUP BY id, item, currency
),
-- Bills without an id or with an unknown currency drop out here (counted in the report's notes).
revenue AS (
  SELECT
    CAST(t.id AS VARCHAR) AS id,
    t.item,
    MAX(t.company_name) AS company_name,
    MAX(t.country) AS country,
    MAX(t.product_line) AS product_line,
    SUM(t.amount * r.rate_to_usd) AS revenue_usd
  FROM bill_totals t
  JOIN rates r ON r.currency = t.currency
  WHERE TRIM(CAST(t.id AS VARCHAR)) <> ''
  GROUP BY CAST(t.id AS VARCHAR), t.item
),
units AS (
  SELECT CAST(company_id AS VARCHAR) AS company_id, item_type, CAST(SUM(units_sold) AS BIGINT) AS units_sold
  FROM units_sold
  GROUP BY CAST(company_id AS VARCHAR), item_type
),
costs AS (
  SELECT item, MAX(CAST(cost_per_unit_usd AS DECIMAL(18, 4))) AS cost_per_unit_usd
  FROM production_costs
  GROUP BY item
),
-- Joined on (company, item): the original EMR job joined on the company alone and multiplied costs.
priced AS (
  SELECT
    r.id,
    r.company_name,
    r.country,
    r.product_line,
    r.item,
    r.revenue_usd,
    u.units_sold,
    c.cost_per_unit_usd,
    u.units_sold * c.cost_per_unit_usd AS cogs_usd,
    r.revenue_usd - u.units_sold * c.cost_per_unit_usd AS gross_profit_usd
  FROM revenue r
  JOIN units u ON u.company_id = r.id AND u.item_type = r.item
  JOIN costs c ON c.item = r.item
),
guessed AS (
  SELECT
    p.*,
    CASE
      WHEN revenue_usd = 0 THEN CAST(0 AS DECIMAL(18, 2))
      ELSE CAST(ROUND(100 * gross_profit_usd / revenue_usd, 2) AS DECIMAL(18, 2))
    END AS margin_guess
  FROM priced p
)
SELECT
  id,
  company_name,
  country,
  product_line,
  item,
  CAST(ROUND(revenue_usd, 2) AS DECIMAL(18, 2)) AS revenue_usd,
  units_sold,
  CAST(ROUND(cost_per_unit_usd, 2) AS DECIMAL(18, 2)) AS cost_per_unit_usd,
  CAST(ROUND(cogs_usd, 2) AS DECIMAL(18, 2)) AS cogs_usd,
  CAST(ROUND(gross_profit_usd, 2) AS DECIMAL(18, 2)) AS gross_profit_usd,
  -- Half-up to 2 decimals, exactly: DuckDB divides decimals in floating point, so at a tie the guess
  -- can be one step low; exact multiplication checks it (a no-op where division is exact).
  CAST(
    CASE
      WHEN revenue_usd = 0 THEN margin_guess
      WHEN ABS(100 * gross_profit_usd) >= (ABS(margin_guess) + 0.005) * ABS(revenue_usd)
        THEN SIGN(gross_profit_usd) * SIGN(revenue_usd) * (ABS(margin_guess) + 0.01)
      WHEN ABS(100 * gross_profit_usd) < (ABS(margin_guess) - 0.005) * ABS(revenue_usd)
        THEN SIGN(gross_profit_usd) * SIGN(revenue_usd) * (ABS(margin_guess) - 0.01)
      ELSE margin_guess
    END AS DECIMAL(18, 2)
  ) AS gross_margin_pct
FROM guessed
ORDER BY id, item
