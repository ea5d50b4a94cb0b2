"""Default content taken from the source documents: criteria sets and realistic demo data."""
