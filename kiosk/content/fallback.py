"""The built-in help screen, for when no good content exists at all.

Its words are in the code, not in the content folder, so a broken or empty content folder
can never leave the screen without the crisis lines. Both languages are shown together.
"""

from __future__ import annotations

# Plain language, our own words; the numbers are the US emergency and crisis lines.
TEXTS: tuple[dict[str, str], ...] = (
    {
        "lang": "en",
        "title": "This screen is not ready right now",
        "ask": "Please ask at the front desk. Our staff are happy to help you.",
        "danger": "In danger right now? Call 911.",
        "crisis": "Thinking about suicide, or in crisis? Call or text 988, day or night.",
    },
    {
        "lang": "es",
        "title": "Esta pantalla no está lista en este momento",
        "ask": "Por favor, pregunte en la recepción. Nuestro personal le ayudará con gusto.",
        "danger": "¿Está en peligro ahora? Llame al 911.",
        "crisis": "¿Piensa en el suicidio o está en crisis? Llame o envíe un texto al 988, "
        "de día o de noche.",
    },
)
