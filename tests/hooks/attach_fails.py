"""A hook whose attach raises (as bench.probe does without its socket)."""


def attach(kiosk):
    raise RuntimeError("no socket")
