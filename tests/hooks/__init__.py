"""Hook modules for tests/test_hooks.py (docs/hooks.md)."""
