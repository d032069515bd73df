"""Start-up hooks: Python modules the person who starts `kiosk run` names, attached to the
running kiosk (a benchmark's probe, a test's fixture). See docs/hooks.md.

`kiosk run --hook MODULE` (repeatable) or $KIOSK_HOOK (names separated by commas) imports
each MODULE before Qt starts and calls its `attach(kiosk)` with the Kiosk once its window
exists, before it is shown. Whatever `attach` returns is kept alive for the process's life.

Only the command line and the environment of the process can name a hook: no content or
device file setting does, so a folder copied onto a kiosk can never make it run code.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import Any

log = logging.getLogger("kiosk.hooks")
ENV_VAR = "KIOSK_HOOK"


class HookError(Exception):
    """A named hook cannot be used; the message says which and why."""


def hook_names(flags: Sequence[str] | None, environ: Mapping[str, str]) -> list[str]:
    """--hook values, else $KIOSK_HOOK's comma-separated names."""
    names = list(flags or []) or environ.get(ENV_VAR, "").split(",")
    return [name.strip() for name in names if name.strip()]


def load_hooks(names: Sequence[str]) -> list[ModuleType]:
    """Import each named module; HookError for one that is missing or has no attach()."""
    modules = []
    for name in names:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and (name == exc.name or name.startswith(exc.name + ".")):
                raise HookError(
                    f"hook {name!r}: no such module (is its folder on PYTHONPATH?)"
                ) from None
            raise HookError(f"hook {name!r} failed to import: {exc}") from exc
        except Exception as exc:  # its own import-time error, reported as the hook's
            raise HookError(f"hook {name!r} failed to import: {type(exc).__name__}: {exc}") from exc
        if not callable(getattr(module, "attach", None)):
            raise HookError(f"hook {name!r} has no attach(kiosk) function")
        modules.append(module)
    return modules


def attach_hooks(modules: Sequence[ModuleType], kiosk: Any) -> list[Any]:
    """Call each hook's attach(kiosk); what they return, to be kept referenced."""
    attached = []
    for module in modules:
        try:
            attached.append(module.attach(kiosk))
        except Exception as exc:
            raise HookError(f"hook {module.__name__!r}: attach failed: {exc}") from exc
        log.info("hook %s attached", module.__name__)
    return attached
