"""Intake: candidacy forms out and back, assessor forms out and back, channels of the call."""
