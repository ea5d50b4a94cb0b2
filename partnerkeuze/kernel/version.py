"""The version of Partnerkeuze (``partnerkeuze --version``, the add-in, the doctor)."""

__version__ = "0.1.0"
