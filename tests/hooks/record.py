"""A hook that returns what it was given."""


def attach(kiosk):
    return ("attached to", kiosk)
