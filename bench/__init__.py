"""The benchmark against a plain pandas + openpyxl dashboard: `python -m bench --help`, BENCHMARKS.md."""
