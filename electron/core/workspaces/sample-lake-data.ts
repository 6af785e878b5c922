/** One generated CSV file of the sample lake. */
export interface SampleTable {
  /** Lake path, e.g. `raw/billing/billing.csv`. */
  path: string;
  header: string[];
  rows: string[][];
}

const RATES: Record<string, number> = { USD: 1, CAD: 0.79, MXN: 0.05 };
const COUNTRIES: Record<string, { currency: string; cities: string[] }> = {
  USA: { currency: 'USD', cities: ['Chicago', 'Austin', 'Denver', 'Boston'] },
  Canada: { currency: 'CAD', cities: ['Toronto', 'Calgary', 'Montreal'] },
  Mexico: { currency: 'MXN', cities: ['Monterrey', 'Guadalajara', 'Puebla'] },
};
/** Cost per unit in USD cents, by product line and item. */
const ITEMS: Record<string, Record<string, number>> = {
  Bakery: { Bread: 42, Croissant: 65, Muffin: 55 },
  Meat: { Beef: 410, Chicken: 235, Pork: 290 },
  Dairy: { Milk: 38, Cheese: 320, Yogurt: 71 },
};
// Two names carry a comma and doubled quotes, so the sample exercises RFC 4180 quoting.
const NAMES = [
  'Acme Foods',
  'Blue Ridge Grocers',
  'Cedar Market',
  'Delta Provisions',
  'Evergreen Deli',
  'Fresh Fields',
  'Golden Crust',
  'Harbor Butchers',
  'Iron Range Dairy',
  'Juniper & Sons',
  'Kettle Creek',
  'Lakeside Co-op',
  'Maple Leaf Meats',
  'North Star Bakery',
  'Oak Valley Farms',
  'Pioneer Supply, Inc.',
  'Quarry Foods',
  'Red Barn "Organic" Dairy',
  'Summit Grocers',
  'Tierra Mercado',
  'Union Provisions',
  'Valle Verde',
  'Westfield Market',
  'Xochi Alimentos',
  'Yukon Fresh',
  'Zenith Foods',
];
const STATUSES: Array<[string, number]> = [
  ['Delivered', 50],
  ['Shipped', 20],
  ['Pending', 12],
  ['Cancelled', 10],
  ['Returned', 8],
];
const DAY_MS = 86_400_000;

/** mulberry32: tiny, fast and the same on every platform, so a seed always gives the same lake. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generator(seed: number) {
  const next = random(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
  const shuffle = <T>(list: T[]): T[] => {
    for (let i = list.length - 1; i > 0; i -= 1) {
      const j = int(0, i);
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  };
  const sample = <T>(list: readonly T[], n: number): T[] => shuffle([...list]).slice(0, n);
  const day = (start: string, maxOffset: number) =>
    new Date(Date.parse(`${start}T00:00:00Z`) + int(0, maxOffset) * DAY_MS).toISOString().slice(0, 10);
  return { next, int, pick, sample, shuffle, day };
}

const money = (cents: number) => (Math.round(cents) / 100).toFixed(2);

/**
 * The sample lake's tables, as make_fixtures.py shapes them: companies selling items of one
 * product line, units per (company, item), costs per item, bills in CAD/MXN/USD over 2025 H1 and
 * orders with five statuses over several months. Deterministic from `seed`.
 */
export function sampleTables(
  seed: number,
  companyCount = 30,
  billCount = 300,
  orderCount = 400,
): SampleTable[] {
  const g = generator(seed);
  const companies = Array.from({ length: companyCount }, (_, i) => {
    const country = g.pick(Object.keys(COUNTRIES));
    const { currency, cities } = COUNTRIES[country]!;
    const base = NAMES[i % NAMES.length]!;
    const name = i < NAMES.length ? base : `${base} ${Math.floor(i / NAMES.length) + 1}`;
    const line = g.pick(Object.keys(ITEMS));
    const items = g.sample(Object.keys(ITEMS[line]!), g.int(1, 3));
    return { id: String(1001 + i), name, country, city: g.pick(cities), currency, line, items };
  });
  const units = companies.flatMap((c) =>
    c.items.map((item) => ({ company: c, item, units: g.int(200, 5000) })),
  );
  const bills = Array.from({ length: billCount }, (_, b) => {
    const { company: c, item, units: sold } = b < units.length ? units[b]! : g.pick(units);
    const costCents = ITEMS[c.line]![item]!;
    const usdCents = (costCents * g.int(105, 180) * sold) / 100 / g.int(2, 4);
    const amount = money(usdCents / RATES[c.currency]!);
    return [c.id, c.name, c.country, c.city, c.line, item, g.day('2025-01-01', 180), c.currency, amount];
  });
  const weights = STATUSES.reduce((sum, [, w]) => sum + w, 0);
  const status = () => {
    let roll = g.next() * weights;
    for (const [name, weight] of STATUSES) if ((roll -= weight) < 0) return name;
    return STATUSES[0]![0];
  };
  const orders = Array.from({ length: orderCount }, (_, i) => [
    `ORD-${100000 + i}`,
    `CUST-${String(g.int(1, 40)).padStart(3, '0')}`,
    g.day('2024-11-01', 150),
    money(g.int(500, 250000)),
    status(),
  ]);
  return [
    {
      path: 'raw/billing/billing.csv',
      header: [
        'id',
        'company_name',
        'country',
        'city',
        'product_line',
        'item',
        'bill_date',
        'currency',
        'bill_amount',
      ],
      rows: g.shuffle(bills),
    },
    {
      path: 'raw/units_sold/units_sold.csv',
      header: ['company_id', 'item_type', 'units_sold'],
      rows: units.map((u) => [u.company.id, u.item, String(u.units)]),
    },
    {
      path: 'raw/production_costs/production_costs.csv',
      header: ['item', 'cost_per_unit_usd'],
      rows: Object.values(ITEMS).flatMap((items) =>
        Object.entries(items).map(([item, cents]) => [item, money(cents)]),
      ),
    },
    {
      path: 'raw/currency_rates/currency_rates.csv',
      header: ['currency', 'rate_to_usd'],
      rows: Object.entries(RATES).map(([c, r]) => [c, String(r)]),
    },
    {
      path: 'raw/orders/orders.csv',
      header: ['order_id', 'customer_id', 'order_date', 'order_amount', 'order_status'],
      rows: orders,
    },
  ];
}

/** RFC 4180: quote a value holding a comma, a quote or a line break, doubling its quotes. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
