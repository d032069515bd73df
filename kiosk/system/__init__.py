"""The kiosk as a service on its device: the device file, state folders, the maintenance PIN,
one instance at a time, systemd's watchdog, the speech daemon probe."""
