"""The kiosk's typed QML types, one job each, in the QML module `KioskCore`.

QML imports them with `import KioskCore` and reads them as singletons: Navigation,
Preferences, ClinicTheme, Search, SessionPhase, Content, Scroll and KeyboardSpace (and
Reader from kiosk/qt/speech.py). kiosk/qt/backend.py builds them for one kiosk and
kiosk/qt/qml_types.py hands them to its engine; scripts/qmllint.sh turns these files
into type information for qmllint.
"""
