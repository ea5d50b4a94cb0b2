"""Governance of a decision: fixed criteria, audit log, conflicts of interest, disagreement, sensitivity and the second round."""
