"""Forms sent out and read back: the hidden identification, defensive opening, Word content controls, the registers of written and read forms."""
