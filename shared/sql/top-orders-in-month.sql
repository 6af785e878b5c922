-- The 10 largest orders of a month (DOMAIN.md, KPI 5). The one parameter (?) is the month, YYYY-MM.
SELECT
  order_id,
  customer_id,
  order_date,
  CAST(order_amount AS DECIMAL(18, 2)) AS order_amount,
  order_status
FROM orders
WHERE date_format(order_date, '%Y-%m') = ?
ORDER BY order_amount DESC, order_id
LIMIT 10
