"""Partnerkeuze: choose a partner municipality in the global South fairly and openly."""

__version__ = "0.1.0"
