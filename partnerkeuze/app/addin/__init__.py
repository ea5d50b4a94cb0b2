"""The Excel add-in: Partnerkeuze.xlam (ribbon, VBA glue, UDF wrappers) and its Python side."""
