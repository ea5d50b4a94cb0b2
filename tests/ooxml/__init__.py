"""Will Office open a file without repair? The closest check without Office.

Every XML part of an Office Open XML package is read the way Office reads it (markup
compatibility: compatibility.py), validated against the ISO/IEC 29500 Transitional schemas
(schema_set.py, schemas/), and the package is held to the rules the schemas cannot express
(package_rules.py, spreadsheet_rules.py, word_rules.py). What is tolerated, and why, is listed in
one place (tolerated.py). audit.py puts it together: ``audit(path)`` gives the faults of a file.
"""
