"""Where the product's own files are: the folder that holds the package (in a source checkout,
the repository with templates/ and udfs/)."""

from __future__ import annotations

from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parents[2]
