#!/bin/sh
# qmllint on kiosk/qml, knowing the Python types: the same steps as `pyside6-project
# qmllint` (pyside6-metaobjectdump per Python file -> pyside6-qmltyperegistrar ->
# KioskCore.qmltypes), into a scratch folder. Fails on any warning.
set -eu
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
OUT=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$OUT"' EXIT
META=$("$BIN/python" -c 'from pathlib import Path; import PySide6; print(Path(PySide6.__file__).parent / "Qt" / "metatypes")')
# Every Python file that registers a type in the KioskCore QML module.
SOURCES=$(grep -l '^QML_IMPORT_NAME = "KioskCore"' kiosk/qt/*.py kiosk/qt/types/*.py)
JSONS=""
for source in $SOURCES; do
    json="$OUT/$(echo "$source" | tr / _).json"
    "$BIN/pyside6-metaobjectdump" -o "$json" "$source"
    "$BIN/python" scripts/mark_constants.py "$json" "$source"  # (6.11 drops constant=True)
    JSONS="$JSONS $json"
done
mkdir -p "$OUT/KioskCore"
FOREIGN="$META/qt6core_metatypes.json,$META/qt6gui_metatypes.json,$META/qt6qml_metatypes.json,$META/qt6quick_metatypes.json"
# shellcheck disable=SC2086 # one argument per metatypes file
"$BIN/pyside6-qmltyperegistrar" --generate-qmltypes "$OUT/KioskCore/KioskCore.qmltypes" \
    -o "$OUT/registrations.cpp" --import-name KioskCore --major-version 1 --minor-version 0 \
    --foreign-types="$FOREIGN" $JSONS
# Colours are QtQuick's value type: the types depend on it.
printf 'module KioskCore\ntypeinfo KioskCore.qmltypes\ndepends QtQuick\n' > "$OUT/KioskCore/qmldir"
# Absolute paths: qmllint matches a file to its qmldir entry (a singleton) by full path.
# --max-warnings 0: any warning fails (qmllint itself exits 0 on warnings).
"$BIN/pyside6-qmllint" --max-warnings 0 -I kiosk/qml -I "$OUT" "$PWD"/kiosk/qml/Kiosk/*.qml "$@"
