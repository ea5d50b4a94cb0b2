"""Entry point for ``python -m partnerkeuze``."""

from partnerkeuze.app.cli import main

raise SystemExit(main())
