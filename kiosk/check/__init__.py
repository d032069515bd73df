"""What `kiosk check` reports: problems, their root causes, the report, its translations,
and "did you mean"."""
