#!/usr/bin/env bash
# Turn this Debian device into a kiosk that boots straight into the app (run as root).
# Usage: deploy/install.sh [--content DIR] [--user NAME]
#   --content DIR   the clinic's content folder (default: the bundled ./content)
#   --user NAME     the system account the kiosk runs as (default: kiosk)
set -euo pipefail
cd "$(dirname "$0")/.."
KIOSK_DIR="$(pwd)"
CONTENT_DIR="$KIOSK_DIR/content"
KIOSK_USER="kiosk"
while (($#)); do
  case "$1" in
    --content) CONTENT_DIR="$(realpath "$2")"; shift 2 ;;
    --user) KIOSK_USER="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ "$(id -u)" != 0 ]; then echo "run as root" >&2; exit 1; fi

scripts/setup.sh
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  cage libwayland-client0 libwayland-cursor0 libwayland-egl1 >/dev/null

if ! id "$KIOSK_USER" >/dev/null 2>&1; then
  useradd --system --create-home --shell /usr/sbin/nologin "$KIOSK_USER"
fi
# Display, touch screen and GPU access without root.
for group in video input render tty; do
  getent group "$group" >/dev/null && usermod -aG "$group" "$KIOSK_USER"
done

.venv/bin/kiosk check --content "$CONTENT_DIR" || {
  echo "The content folder has errors (above); fix them, then run this again." >&2
  exit 1
}

sed -e "s|@KIOSK_DIR@|$KIOSK_DIR|g" -e "s|@CONTENT_DIR@|$CONTENT_DIR|g" \
    -e "s|@USER@|$KIOSK_USER|g" deploy/kiosk.service > /etc/systemd/system/kiosk.service
systemctl daemon-reload
systemctl set-default graphical.target
systemctl enable kiosk.service
echo "Installed. Set a maintenance PIN with: $KIOSK_DIR/.venv/bin/kiosk set-pin --content $CONTENT_DIR"
echo "Then reboot, or: systemctl start kiosk"
