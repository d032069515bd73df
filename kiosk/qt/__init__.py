"""The only package that imports PySide6: app wiring, models, backend, idle filter, speech."""
