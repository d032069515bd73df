"""A module without attach(kiosk): not a hook."""
