"""Layer 3, io: the outside world as files (the .xlsx package, Word documents, forms, saving, locking, the log, mail)."""
