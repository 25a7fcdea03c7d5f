# a tiny inventory system with dict of dicts, sorting by several keys, formatted table output with f-strings
inventory = {
    "apple": {"qty": 50, "price": 0.4, "cat": "fruit"},
    "banana": {"qty": 0, "price": 0.25, "cat": "fruit"},
    "carrot": {"qty": 120, "price": 0.1, "cat": "veg"},
    "donut": {"qty": 12, "price": 1.5, "cat": "bakery"},
    "eggplant": {"qty": 7, "price": 2.0, "cat": "veg"},
}
print(f"{'item':<10}|{'qty':>5}|{'price':>7}|{'value':>8}")
print("-" * 33)
total = 0
for name, info in sorted(inventory.items(), key=lambda kv: (kv[1]["cat"], -kv[1]["qty"])):
    value = info["qty"] * info["price"]
    total += value
    print(f"{name:<10}|{info['qty']:>5}|{info['price']:>7.2f}|{value:>8.2f}")
print(f"{'total':<10}|{'':>5}|{'':>7}|{total:>8.2f}")
by_cat = {}
for name, info in inventory.items():
    by_cat.setdefault(info["cat"], []).append(name)
print(by_cat)
print([n for n, i in inventory.items() if i["qty"] == 0], max(inventory, key=lambda n: inventory[n]["price"]))
restock = {n: max(0, 20 - i["qty"]) for n, i in inventory.items()}
print({k: v for k, v in restock.items() if v})
