"""Small pieces of content text shared by the content and config tests."""

# [clinic] with every placeholder filled in, so no clinic-placeholder warning.
CLINIC_OK = """
[clinic]
name = "Test Clinic"
phone = "555-0100"
address = "1 Road"
hours = "9 to 5"
cost_note = "Ask us."
website = "example.org"
"""

# Front matter lines of a file that lists its sources and is signed off, so no warnings.
SIGNED_OFF = """sources:
  - "Test source"
review:
  status: reviewed
  reviewed_by: "Dr. Test"
  reviewed_on: 2026-01-10
  next_review: 2099-01-01
"""
