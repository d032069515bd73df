import pytest

from kiosk.session.gesture import CORNERS, CornerTaps


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


W, H = 1280, 800
POINTS = {
    "top-left": (10, 10),
    "top-right": (W - 10, 10),
    "bottom-left": (10, H - 10),
    "bottom-right": (W - 10, H - 10),
}


@pytest.mark.parametrize("corner", CORNERS)
def test_five_quick_taps_in_the_corner_trigger_once(corner):
    clock = Clock()
    taps = CornerTaps(corner, clock=clock)
    x, y = POINTS[corner]
    results = []
    for _ in range(5):
        results.append(taps.press(x, y, W, H))
        clock.now += 0.4
    assert results == [False, False, False, False, True]
    assert taps.press(x, y, W, H) is False  # the count starts again


@pytest.mark.parametrize("corner", CORNERS)
def test_taps_in_other_corners_never_trigger(corner):
    taps = CornerTaps(corner, clock=Clock())
    for other, (x, y) in POINTS.items():
        if other != corner:
            assert not any(taps.press(x, y, W, H) for _ in range(10))


def test_slow_taps_do_not_trigger_but_a_quick_run_later_does():
    clock = Clock()
    taps = CornerTaps(clock=clock)
    for _ in range(8):
        assert taps.press(5, H - 5, W, H) is False
        clock.now += 1.0  # five taps take four seconds: too slow
    clock.now += 10
    hits = []
    for _ in range(5):
        hits.append(taps.press(5, H - 5, W, H))
        clock.now += 0.1
    assert hits == [False] * 4 + [True]


def test_a_tap_elsewhere_breaks_the_sequence():
    clock = Clock()
    taps = CornerTaps(clock=clock)
    for _ in range(4):
        taps.press(5, H - 5, W, H)
    assert taps.press(W / 2, H / 2, W, H) is False
    assert taps.press(5, H - 5, W, H) is False


def test_unknown_corner_is_refused():
    with pytest.raises(ValueError):
        CornerTaps("middle")
