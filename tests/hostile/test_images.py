"""Pictures in every block kind come only from inside the content folder."""

from __future__ import annotations

from kiosk.content.blocks import BlockRenderer
from kiosk.qt.types.reading import block_rows

BODY = (
    "- inside ![in](images/card-help.svg)\n"
    "- absolute ![abs](/usr/share/pixmaps/debian-logo.png)\n"
    "- up ![up](../../../../etc/hostname)\n"
    "- linked ![link](images/escape.svg)\n\n"
    "| a | b |\n| --- | --- |\n| ![cell](images/card-help.svg) | ![out](/etc/hostname) |\n\n"
    "> quoted ![q](/etc/hostname)\n"
)


def test_pictures_in_list_items_table_cells_and_quotes_stay_inside_the_folder(content):
    (content / "images" / "escape.svg").symlink_to("/etc/hostname")
    blocks, _ = BlockRenderer().render(BODY)
    rows = block_rows(tuple(blocks), content)
    text = repr(rows)
    inside = (content / "images" / "card-help.svg").resolve().as_uri()
    assert text.count(f'src="{inside}"') == 2  # the list item and the table cell
    assert "/usr/share" not in text and "/etc/hostname" not in text
    assert "escape.svg" not in text and 'src="images/' not in text
    items = rows[0]["items"]
    assert items[1] == "absolute abs" and items[3] == "linked link"  # the description stays
