"""kiosk.toml -> Config: defaults, every validation, line numbers, never raising."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import GOOD

from kiosk.check.problems import Severity
from kiosk.content.config import (
    CONFIG_FILE,
    HIGH_CONTRAST,
    KIOSK,
    MIN_IDLE_TIMEOUT_S,
    MIN_WARNING_S,
    SCHEMA,
    THEME,
    Config,
    load_config,
)
from tests.content_text import CLINIC_OK


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / CONFIG_FILE
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return tmp_path


def codes(config: Config) -> list[str]:
    return [p.code for p in config.problems]


def only(config: Config, code: str):
    found = [p for p in config.problems if p.code == code]
    assert len(found) == 1, config.problems
    return found[0]


def test_good_fixture_has_no_problems():
    config = load_config(GOOD)
    assert config.problems == ()
    assert config.languages == ["en", "es"]
    assert config.default_language == "en"
    assert config.idle_timeout_s == 60
    assert config.warning_s == 25
    assert config.kiosk["renderer"] == "software"
    assert config.kiosk["show_cursor"] is True
    assert config.kiosk["text_scale"] == 1.25
    assert config.clinic["phone"] == "555-0100"
    assert config.theme["background"] == "#FFFFFF"
    assert config.theme["base_font_px"] == 28
    # Keys not given keep their defaults.
    assert config.theme["text"] == THEME["text"].default
    assert config.high_contrast["accent"] == "#FFE14D"
    assert config.high_contrast["background"] == HIGH_CONTRAST["background"].default


def test_missing_file_gives_defaults_and_an_error(tmp_path):
    config = load_config(tmp_path)
    assert codes(config)[0] == "config-missing"
    assert config.problems[0].severity is Severity.ERROR
    assert config.languages == ["en"]
    assert config.idle_timeout_s == KIOSK["idle_timeout_s"].default
    assert config.warning_s == KIOSK["warning_s"].default
    for section in SCHEMA.values():
        for key in section.values():
            assert key.doc


def test_missing_content_folder_does_not_raise(tmp_path):
    assert codes(load_config(tmp_path / "nope"))[0] == "config-missing"


def test_unreadable_config_is_a_problem(tmp_path):
    (tmp_path / CONFIG_FILE).mkdir()  # reading a folder raises an OSError
    assert "unreadable-file" in codes(load_config(tmp_path))


def test_not_utf8(tmp_path):
    write(tmp_path, b'[clinic]\nname = "Caf\xe9"\n')
    assert "unreadable-file" in codes(load_config(tmp_path))


def test_byte_order_mark_is_accepted(tmp_path):
    # Windows Notepad saves UTF-8 with a BOM; that must not be a syntax error.
    write(tmp_path, "\ufeff" + CLINIC_OK)
    config = load_config(tmp_path)
    assert config.problems == ()
    assert config.clinic["name"] == "Test Clinic"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("[kiosk]\nidle_timeout_s = \n", 2),
        ("[clinic]\nname = 'x'\n[kiosk\n", 3),
        ('[clinic]\nname = "unclosed\n', 2),
        ("[kiosk]\nlanguages = [\n  'en',\n", 3),  # "at end of document"
    ],
)
def test_syntax_error_has_a_line(tmp_path, text, line):
    config = load_config(write(tmp_path, text))
    problem = only(config, "config-syntax")
    assert problem.line == line
    assert problem.file == CONFIG_FILE
    assert config.languages == ["en"]  # defaults still usable


def test_unknown_key_section_and_top_level_key(tmp_path):
    text = "stray = 1\n\n[kiosk]\nidle_timeout_s = 90\nbogus = true\n\n[extras]  # typo\nx = 1\n"
    config = load_config(write(tmp_path, text + CLINIC_OK))
    unknown = sorted((p.line, p.message) for p in config.problems)
    assert codes(config) == ["config-unknown-key"] * 3
    assert unknown[0][0] == 1 and "stray" in unknown[0][1]
    assert unknown[1][0] == 5 and "bogus" in unknown[1][1]
    assert unknown[2][0] == 7 and "[extras]" in unknown[2][1]
    assert config.idle_timeout_s == 90


@pytest.mark.parametrize(
    ("section", "key", "value", "code"),
    [
        ("kiosk", "idle_timeout_s", "5", "config-range"),
        ("kiosk", "idle_timeout_s", '"long"', "config-type"),
        ("kiosk", "idle_timeout_s", "90.5", "config-type"),
        ("kiosk", "idle_timeout_s", "true", "config-type"),
        ("kiosk", "warning_s", "10", "config-range"),
        ("kiosk", "warning_s", "601", "config-range"),
        ("kiosk", "text_scale", "0.5", "config-range"),
        ("kiosk", "text_scale", "2.5", "config-range"),
        ("kiosk", "text_scale", "nan", "config-type"),
        ("kiosk", "text_scale", "inf", "config-type"),
        ("kiosk", "show_cursor", '"yes"', "config-type"),
        ("kiosk", "languages", '"en"', "config-type"),
        ("kiosk", "languages", '["english"]', "config-type"),
        ("kiosk", "default_language", '"fr"', "config-range"),
        ("kiosk", "renderer", '"opengl"', "config-range"),
        ("kiosk", "speech_engine", '"loud"', "config-device-key"),
        ("kiosk", "state_dir", '"/var/lib/kiosk"', "config-device-key"),
        ("kiosk", "log_dir", '""', "config-device-key"),
        ("kiosk", "featured", '"question:x"', "config-type"),
        ("theme", "accent", '"blue"', "config-type"),
        ("theme", "accent", '"#12345"', "config-type"),
        ("theme", "base_font_px", "12", "config-range"),
        ("theme", "base_font_px", "41", "config-range"),
        ("theme", "high_contrast", '"yes"', "config-type"),
        ("clinic", "name", "42", "config-type"),
        ("admin", "pin_hash", '""', "config-device-key"),
    ],
)
def test_bad_values_are_reported_with_line_and_replaced_by_defaults(
    tmp_path, section, key, value, code
):
    text = f"{CLINIC_OK}\n[{section}]\n{key} = {value}\n"
    if section == "clinic":
        text = f"[clinic]\n{key} = {value}\n"
    config = load_config(write(tmp_path, text))
    relevant = [p for p in config.problems if p.code != "clinic-placeholder"]
    assert [p.code for p in relevant] == [code], config.problems
    problem = relevant[0]
    assert problem.severity is Severity.ERROR
    assert problem.file == CONFIG_FILE
    assert problem.line == len(text.splitlines())
    assert problem.message
    # The kiosk can still start: every value is valid after loading.
    assert config.idle_timeout_s >= MIN_IDLE_TIMEOUT_S
    assert MIN_WARNING_S <= config.warning_s <= 600
    assert 1.0 <= config.kiosk["text_scale"] <= 2.0
    assert config.default_language in config.languages
    assert config.kiosk["renderer"] in ("auto", "software", "hardware")
    assert isinstance(config.kiosk["show_cursor"], bool)
    assert config.theme["accent"].startswith("#")


def test_int_is_accepted_for_a_float(tmp_path):
    config = load_config(write(tmp_path, CLINIC_OK + "[kiosk]\ntext_scale = 2\n"))
    assert config.problems == ()
    assert config.kiosk["text_scale"] == 2.0
    assert isinstance(config.kiosk["text_scale"], float)


def test_section_that_is_not_a_table(tmp_path):
    config = load_config(write(tmp_path, 'kiosk = "everything"\n' + CLINIC_OK))
    problem = only(config, "config-type")
    assert problem.line == 1


def test_high_contrast_sub_table(tmp_path):
    text = CLINIC_OK + '[theme.high_contrast]\ntext = "#EEEEEE"\nsparkle = 1\nfocus = "red"\n'
    config = load_config(write(tmp_path, text))
    assert config.high_contrast["text"] == "#EEEEEE"
    assert sorted((p.code, p.line) for p in config.problems) == [
        ("config-type", 12),
        ("config-unknown-key", 11),
    ]


def test_invalid_language_codes_are_dropped(tmp_path):
    text = CLINIC_OK + '[kiosk]\nlanguages = ["es", "EN", 3]\ndefault_language = "es"\n'
    config = load_config(write(tmp_path, text))
    assert config.languages == ["es"]
    assert codes(config) == ["config-type", "config-type"]
    assert all(p.line == 10 for p in config.problems)


def test_empty_language_list_falls_back_to_english(tmp_path):
    config = load_config(write(tmp_path, CLINIC_OK + "[kiosk]\nlanguages = []\n"))
    assert config.languages == ["en"]
    assert config.default_language == "en"


def test_clinic_placeholders_are_warnings(tmp_path):
    config = load_config(write(tmp_path, '[clinic]\nname = "[Clinic name]"\nlogo = "[x]"\n'))
    placeholders = [p for p in config.problems if p.code == "clinic-placeholder"]
    # name is written; phone, address, hours, cost_note, website are defaults; logo is exempt.
    assert len(placeholders) == 6
    assert all(p.severity is Severity.WARNING for p in placeholders)
    assert [p.line for p in placeholders if "clinic.name" in p.message] == [2]


def test_header_comments_do_not_hide_line_numbers(tmp_path):
    text = CLINIC_OK + "[kiosk]   # timing\nwarning_s = 5\n"
    assert only(load_config(write(tmp_path, text)), "config-range").line == 10


def test_config_is_frozen():
    config = load_config(GOOD)
    with pytest.raises(AttributeError):
        config.kiosk = {}  # type: ignore[misc]


def test_configuration_reference_is_written_from_the_schemas():
    from kiosk.content.config import reference_markdown
    from kiosk.system import device

    docs = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"
    text = docs.read_text(encoding="utf-8")
    assert reference_markdown() in text, (
        "docs/configuration.md's content reference differs from SCHEMA: paste in "
        "kiosk.content.config.reference_markdown()"
    )
    assert device.reference_markdown() in text, (
        "docs/configuration.md's device reference differs from kiosk.system.device.SCHEMA: paste "
        "in kiosk.system.device.reference_markdown()"
    )


# -- clinic details per language ---------------------------------------------------------
CLINIC_ES = (
    CLINIC_OK
    + """
[clinic.es]
hours = "de 9 a 5"
cost_note = "Pregúntenos."

[kiosk]
languages = ["en", "es"]
"""
)


def test_clinic_values_per_language_override_clinic(tmp_path):
    config = load_config(write(tmp_path, CLINIC_ES))
    assert config.problems == ()
    assert config.clinic["hours"] == "9 to 5"  # [clinic] itself is unchanged
    spanish = config.clinic_for("es")
    assert spanish["hours"] == "de 9 a 5"
    assert spanish["cost_note"] == "Pregúntenos."
    assert spanish["phone"] == "555-0100"  # not given in [clinic.es]: from [clinic]
    assert config.clinic_for("en") == config.clinic


def test_clinic_language_table_is_checked_like_clinic(tmp_path):
    text = CLINIC_ES.replace('hours = "de 9 a 5"', 'hours = 9\nopening = "x"')
    config = load_config(write(tmp_path, text))
    bad_type, unknown = only(config, "config-type"), only(config, "config-unknown-key")
    assert bad_type.line == 11 and "clinic.es.hours" in bad_type.message
    assert unknown.line == 12 and "[clinic.es]" in unknown.message
    assert config.clinic_for("es")["hours"] == "9 to 5"  # a bad value keeps [clinic]'s


def test_clinic_language_table_for_a_language_not_offered(tmp_path):
    config = load_config(write(tmp_path, CLINIC_ES.replace('["en", "es"]', '["en"]')))
    problem = only(config, "config-range")
    assert problem.line == 10 and "[clinic.es]" in problem.message
    assert config.clinic_for("es") == config.clinic


def test_clinic_language_placeholder_is_a_warning(tmp_path):
    config = load_config(write(tmp_path, CLINIC_ES.replace("de 9 a 5", "[Horario]")))
    problem = only(config, "clinic-placeholder")
    assert problem.severity is Severity.WARNING
    assert problem.line == 11 and "clinic.es.hours" in problem.message


def test_numbers_past_their_maximum_are_errors(tmp_path):
    (tmp_path / "kiosk.toml").write_text("[kiosk]\nidle_timeout_s = 2200000\n", encoding="utf-8")
    config = load_config(tmp_path)
    assert ("config-range", 2) in {(p.code, p.line) for p in config.problems}
    assert config.idle_timeout_s == 120  # the default, not 2,200,000


def test_a_garbage_pin_hash_in_the_device_file_is_an_error(tmp_path):
    from kiosk.system import device

    path = tmp_path / "device.toml"
    path.write_text('[admin]\npin_hash = "scrypt$garbage"\n', encoding="utf-8")
    loaded = device.load_device(path)
    assert ("config-range", 2) in {(p.code, p.line) for p in loaded.problems}
    assert loaded.pin_hash == ""
