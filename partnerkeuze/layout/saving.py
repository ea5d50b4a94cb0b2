"""The setting of how many dated backups of the workbook every write keeps."""

from __future__ import annotations

from partnerkeuze.layout.schema import INT, Field

EXTRA_FIELDS = {
    "settings": (
        Field("backup_generations", "Aantal reservekopieën van de werkmap", INT, default=5,
              minimum=1, maximum=50,
              help="Elke opdracht die de werkmap wijzigt, bewaart eerst de vorige versie als "
                   "'<naam>.vorige-<datum>_<uur>.xlsx' naast de werkmap; zoveel blijven er."),
    ),
}
