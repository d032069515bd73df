"""What the kiosk records about itself, never about a patient: the event log, anonymous usage
counts, health metrics and the manager's report."""
