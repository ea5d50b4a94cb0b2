"""Partnerkeuze: choose a partner municipality in the global South fairly and openly."""

from partnerkeuze.kernel.version import __version__

__all__ = ["__version__"]
