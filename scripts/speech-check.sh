#!/usr/bin/env bash
# Does read aloud really speak on this machine? Starts a private speech-dispatcher whose
# sound goes to a WAV file (ALSA's file plugin: works without a sound card or a sound
# server), has the kiosk's Reader read an English and a Spanish text through the speechd
# engine, and reports the engine states and how much audio espeak-ng synthesised.
# Usage: scripts/speech-check.sh            (after scripts/setup.sh; nothing is installed)
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d /tmp/kiosk-speech.XXXXXX)"
mkdir -p "$work/conf" "$work/home" "$work/run"
cp -r /etc/speech-dispatcher/. "$work/conf/"
sed -i 's/^#\? *AudioOutputMethod .*/AudioOutputMethod "alsa"/' "$work/conf/speechd.conf"
grep -q '^DefaultModule' "$work/conf/speechd.conf" || echo 'DefaultModule espeak-ng' >>"$work/conf/speechd.conf"
cat >"$work/home/.asoundrc" <<ASOUND
pcm.!default { type file; slave.pcm "null"; file "$work/speech.wav"; format "wav" }
ASOUND
HOME="$work/home" XDG_RUNTIME_DIR="$work/run" speech-dispatcher -d -t 0 -C "$work/conf" \
  -S "$work/run/speechd.sock"
trap 'kill "$(cat "$work"/run/speech-dispatcher/pid/speech-dispatcher.pid 2>/dev/null)" 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -S "$work/run/speechd.sock" ] && break; sleep 0.1; done
export SPEECHD_ADDRESS="unix_socket:$work/run/speechd.sock" QT_QPA_PLATFORM=offscreen
.venv/bin/python - "$work" <<'PY'
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from kiosk.qt.speech import Reader

work = Path(sys.argv[1])
app = QCoreApplication([])
reader = Reader("speechd", languages=["en", "es"])  # the engine loads on its own thread
states, blocks = [], []
jobs = [("en", ["Is ketamine addictive?", "Ketamine can be misused."]),
        ("es", ["¿La ketamina es adictiva?", "La ketamina se puede usar mal."])]


def loaded():
    print("engine:", reader.engine or "none", "| languages with a voice:", reader.languages)
    if not reader.available:
        app.exit(1)
        return
    reader._tts.stateChanged.connect(lambda s: states.append(s.name))
    reader.changed.connect(lambda: blocks.append((reader.state, reader.block)))
    reader.busyChanged.connect(lambda busy: busy or QTimer.singleShot(0, next_job))
    next_job()


def next_job():
    if not jobs:
        app.quit()
        return
    lang, texts = jobs.pop(0)
    print(f"reading {lang}: voice {reader._locale_for(lang).name()}")
    reader.read(f"answer:{lang}", lang, texts)


reader.languagesChanged.connect(loaded)
QTimer.singleShot(30000, lambda: app.exit(1))
if app.exec():
    sys.exit("read aloud did not finish (no engine, no voice, or no end of speech)")
print("engine states:", " > ".join(states))
print("reader steps (state, block):", blocks)
PY
pid="$(cat "$work"/run/speech-dispatcher/pid/speech-dispatcher.pid)"
# speech-dispatcher keeps the WAV open; its size is what espeak-ng synthesised.
fd=""
for f in /proc/"$pid"/fd/*; do [ "$(readlink "$f")" = "$work/speech.wav" ] && fd="$f"; done
[ -n "$fd" ] || { echo "no audio file opened: nothing was synthesised"; exit 1; }
.venv/bin/python - "$fd" <<'PY'
import struct
import sys

data = open(sys.argv[1], "rb").read()
channels, rate = struct.unpack_from("<HI", data, 22)
bits = struct.unpack_from("<H", data, 34)[0]
seconds = (len(data) - 44) / (rate * channels * bits // 8)
print(f"audio synthesised: {len(data)} bytes of WAV, {rate} Hz, {bits}-bit, "
      f"{channels} channel(s): {seconds:.1f} s of speech")
sys.exit(0 if seconds > 1 else 1)
PY
