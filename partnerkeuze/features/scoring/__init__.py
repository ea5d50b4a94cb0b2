"""Scoring a call: the scores, ranks and shortlist written into the workbook."""
