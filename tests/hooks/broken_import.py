"""A hook whose own import fails."""

import no_such_dependency_of_a_hook  # noqa: F401


def attach(kiosk):
    return kiosk
