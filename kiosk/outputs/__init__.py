"""What the content folder becomes outside the kiosk: printable handouts and a static site."""
