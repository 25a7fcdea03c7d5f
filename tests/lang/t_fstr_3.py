# float format specs: f e E g G % with precision, width, sign, grouping; rounding of halves
x = 1234.56789
print(f"{x:.2f} {x:.0f} {x:10.3f} {x:<10.1f}| {x:+.2f} {-x:.2f} {x:,.2f} {x:e} {x:.2E}")
print(f"{x:g} {x:.3g} {x:.10g} {0.0001234:g} {1e-5:g} {1e16:g} {123456789.0:g} {1.5e-7:.2g}")
print(f"{0.25:%} {0.25:.0%} {0.0625:.1%} {1.0:.2%} {-0.5:%}")
print(f"{0.125:.2f} {0.375:.2f} {2.5:.0f} {3.5:.0f} {1.005:.2f} {0.15:.1f} {1234.5:.2}")
print(f"{3.0:f} {3.0:.3} {3.0:g} {3.0:e} {float('inf'):f} {float('-inf'):>6} {float('nan'):.2f}")
print(f"{1e300:.3e} {5:.2f} {-0.0:.1f} {12.0:08.2f} {-12.0:08.2f} {12.0:+08.2f}")
print(format(2.5), format(2.5, ".3f"), format(1 / 3, ".5"), format(100.0, "e"))
