-- Monthly order volume and revenue (DOMAIN.md, KPI 2), by month.
SELECT
  date_format(order_date, '%Y-%m') AS month,
  COUNT(*) AS order_count,
  SUM(CAST(order_amount AS DECIMAL(18, 2))) AS total_revenue
FROM orders
GROUP BY date_format(order_date, '%Y-%m')
ORDER BY month
