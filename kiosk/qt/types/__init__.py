"""The kiosk's typed QML types, one job each, in the QML module `KioskCore`.

QML imports them with `import KioskCore` and reads them as singletons: Navigation,
Preferences, ClinicTheme, Search, SessionPhase, Content (and Reader, kiosk/qt/speech.py).
`kiosk/qt/types/wiring.py` builds them for one kiosk; scripts/qmllint.sh turns these
files into type information for qmllint.
"""
