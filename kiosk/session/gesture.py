"""The hidden staff gesture: several quick taps in one corner of the screen.

Pure logic on an injected clock, so it is tested without Qt. The Qt side feeds it every
press (it never eats them: a patient tapping near the corner sees the tap work as usual).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")


class CornerTaps:
    """True from `press()` when the `taps`-th press in the corner lands within `window_s`."""

    def __init__(
        self,
        corner: str = "bottom-left",
        *,
        taps: int = 5,
        window_s: float = 3.0,
        size_px: float = 96,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if corner not in CORNERS:
            raise ValueError(f"corner must be one of {', '.join(CORNERS)}")
        self.corner = corner
        self.taps = taps
        self.window_s = window_s
        self.size_px = size_px
        self._clock = clock
        self._times: deque[float] = deque(maxlen=taps)

    def in_corner(self, x: float, y: float, width: float, height: float) -> bool:
        near_left = 0 <= x < self.size_px
        near_right = width - self.size_px <= x < width
        near_top = 0 <= y < self.size_px
        near_bottom = height - self.size_px <= y < height
        return {
            "top-left": near_top and near_left,
            "top-right": near_top and near_right,
            "bottom-left": near_bottom and near_left,
            "bottom-right": near_bottom and near_right,
        }[self.corner]

    def press(self, x: float, y: float, width: float, height: float) -> bool:
        if not self.in_corner(x, y, width, height):
            self._times.clear()  # a tap elsewhere breaks the sequence
            return False
        now = self._clock()
        self._times.append(now)
        if len(self._times) == self.taps and now - self._times[0] <= self.window_s:
            self._times.clear()
            return True
        return False
