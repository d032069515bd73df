#!/usr/bin/env bash
# Turn this Debian device into a kiosk that boots straight into the app (run as root).
# Usage: deploy/install.sh [--content DIR] [--user NAME] [--device FILE]
#   --content DIR   the clinic's content folder (default: the bundled ./content)
#   --user NAME     the system account the kiosk runs as (default: kiosk)
#   --device FILE   this kiosk's device file (default: /etc/kiosk/kiosk.toml); created if
#                   missing, kept (PIN and all) if present
# Works on Debian 12 (cage 0.1.4) and 13 (cage 0.2.x) on x86_64; see docs/deployment.md.
set -euo pipefail
cd "$(dirname "$0")/.."
KIOSK_DIR="$(pwd)"
CONTENT_DIR="$KIOSK_DIR/content"
KIOSK_USER="kiosk"
DEVICE_FILE="/etc/kiosk/kiosk.toml"
STATE_DIR="/var/lib/kiosk"  # the unit's StateDirectory=kiosk
while (($#)); do
  case "$1" in
    --content) CONTENT_DIR="$(realpath "$2")"; shift 2 ;;
    --user) KIOSK_USER="$2"; shift 2 ;;
    --device) DEVICE_FILE="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ "$(id -u)" != 0 ]; then echo "run as root" >&2; exit 1; fi

scripts/setup.sh
# cage, and XWayland for it: Debian 12's cage 0.1.4 will not start without it ("Cannot
# create XWayland server"), and the kiosk runs under XWayland for Qt's on-screen keyboard.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  cage xwayland libwayland-client0 libwayland-cursor0 libwayland-egl1 >/dev/null

if ! id "$KIOSK_USER" >/dev/null 2>&1; then
  useradd --system --home-dir "$STATE_DIR" --no-create-home --shell /usr/sbin/nologin "$KIOSK_USER"
fi
# Display, touch screen and GPU access without root.
for group in video input render tty audio; do
  getent group "$group" >/dev/null && usermod -aG "$group" "$KIOSK_USER"
done

# The device file: this kiosk's own settings, apart from the content (docs/configuration.md).
if [ ! -e "$DEVICE_FILE" ]; then
  mkdir -p "$(dirname "$DEVICE_FILE")"
  cat > "$DEVICE_FILE" <<TOML
# This kiosk's own settings (docs/configuration.md). Never copied with the content.
[device]
content = "$CONTENT_DIR"
state_dir = "$STATE_DIR"
log_dir = "$STATE_DIR/logs"
speech_engine = "auto"

[admin]
# Written by: kiosk set-pin
TOML
  echo "Wrote $DEVICE_FILE"
fi
chown "root:$KIOSK_USER" "$DEVICE_FILE"
chmod 0640 "$DEVICE_FILE"  # the PIN hash: readable by the kiosk, not by everyone

.venv/bin/kiosk check --device "$DEVICE_FILE" --content "$CONTENT_DIR" || {
  echo "The content folder or the device file has errors (above); fix them, then run this again." >&2
  exit 1
}

sed -e "s|@KIOSK_DIR@|$KIOSK_DIR|g" -e "s|@DEVICE_FILE@|$DEVICE_FILE|g" \
    -e "s|@USER@|$KIOSK_USER|g" deploy/kiosk.service > /etc/systemd/system/kiosk.service
systemctl daemon-reload
systemctl set-default graphical.target
systemctl enable kiosk.service
echo "Installed. Set a maintenance PIN with: $KIOSK_DIR/.venv/bin/kiosk set-pin --device $DEVICE_FILE"
echo "Then reboot, or: systemctl start kiosk"
