"""Small pure functions for honest numbers: intervals, shares, suppression, unit costs."""

from __future__ import annotations

import math

Z_95 = 1.959963984540054


def wilson_interval(k: int, n: int, z: float = Z_95) -> tuple[float, float] | None:
    """95 % Wilson score interval for k successes out of n, as shares in [0, 1]; None when n is 0."""
    if n <= 0:
        return None
    if not 0 <= k <= n:
        raise ValueError(f"k={k} must be between 0 and n={n}")
    p = k / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def share(k: int, n: int) -> float | None:
    """k / n, or None when n is 0."""
    return k / n if n else None


def cost_per(amount: float | None, units: int) -> float | None:
    """Gross public cost per unit of outcome, or None when there is no outcome to divide by."""
    if amount is None or units <= 0:
        return None
    return amount / units
