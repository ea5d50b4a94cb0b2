"""Evaluation of an existing city link (mode 'evaluatie'): frame, forms, radar, risks, report."""
