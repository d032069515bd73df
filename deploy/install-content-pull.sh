#!/usr/bin/env bash
# Install the git content rollout on this kiosk (run as root, after deploy/install.sh).
# Usage: deploy/install-content-pull.sh REPO_URL [BRANCH] [--user NAME]
# Fetches and checks the first release now, so the kiosk has content before its next start,
# then enables kiosk-content-pull.timer. Point the kiosk at /var/lib/kiosk-content/current
# (deploy/install.sh --content /var/lib/kiosk-content/current).
set -euo pipefail
cd "$(dirname "$0")/.."
KIOSK_DIR="$(pwd)"
KIOSK_USER="kiosk"
args=()
while (($#)); do
  case "$1" in
    --user) KIOSK_USER="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
if ((${#args[@]} < 1)); then echo "usage: $0 REPO_URL [BRANCH] [--user NAME]" >&2; exit 2; fi
if [ "$(id -u)" != 0 ]; then echo "run as root" >&2; exit 1; fi
REPO="${args[0]}" BRANCH="${args[1]:-main}"

mkdir -p /etc/kiosk /var/lib/kiosk-content
printf 'CONTENT_REPO=%s\nCONTENT_BRANCH=%s\n' "$REPO" "$BRANCH" > /etc/kiosk/content-pull.env
chown "$KIOSK_USER" /var/lib/kiosk-content
for unit in kiosk-content-pull.service kiosk-content-pull.timer; do
  sed -e "s|@KIOSK_DIR@|$KIOSK_DIR|g" -e "s|@USER@|$KIOSK_USER|g" "deploy/$unit" \
    > "/etc/systemd/system/$unit"
done
systemctl daemon-reload
systemctl start kiosk-content-pull.service
systemctl enable --now kiosk-content-pull.timer
echo "Content from $REPO ($BRANCH) is in /var/lib/kiosk-content/current; the timer looks for more every 15 min."
