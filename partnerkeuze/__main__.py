"""Entry point for ``python -m partnerkeuze``."""

from partnerkeuze.cli import main

raise SystemExit(main())
