"""The gross profit report (DOMAIN.md) in pandas: the peer Lakedesk's engine is measured against.

usage: gross_profit_pandas.py LAKE OUT.csv
Same computation as shared/sql/gross-profit.sql, in floating point as a pandas user would write it.
"""
import sys

import pandas as pd

lake, out = sys.argv[1], sys.argv[2]
bills = pd.read_csv(f"{lake}/billing/billing.csv", dtype={"id": str})
units = pd.read_csv(f"{lake}/units_sold/units_sold.csv", dtype={"company_id": str})
costs = pd.read_csv(f"{lake}/production_costs/production_costs.csv")
rates = pd.DataFrame({"currency": ["USD", "CAD", "MXN"], "rate_to_usd": [1.0, 0.79, 0.05]})

bills = bills[bills["id"].notna() & (bills["id"].str.strip() != "")].merge(rates, on="currency")
bills["revenue_usd"] = bills["bill_amount"] * bills["rate_to_usd"]
revenue = bills.groupby(["id", "item"], as_index=False).agg(
    company_name=("company_name", "max"),
    country=("country", "max"),
    product_line=("product_line", "max"),
    revenue_usd=("revenue_usd", "sum"),
)
units = units.groupby(["company_id", "item_type"], as_index=False)["units_sold"].sum()
costs = costs.groupby("item", as_index=False)["cost_per_unit_usd"].max()
report = revenue.merge(units, left_on=["id", "item"], right_on=["company_id", "item_type"]).merge(costs, on="item")
report["cogs_usd"] = report["units_sold"] * report["cost_per_unit_usd"]
report["gross_profit_usd"] = report["revenue_usd"] - report["cogs_usd"]
report["gross_margin_pct"] = report["gross_profit_usd"] / report["revenue_usd"] * 100
columns = ["id", "company_name", "country", "product_line", "item", "revenue_usd", "units_sold",
           "cost_per_unit_usd", "cogs_usd", "gross_profit_usd", "gross_margin_pct"]
report = report.sort_values(["id", "item"])[columns].round(2)
report.to_csv(out, index=False, float_format="%.2f")
