"""Layer 6, the app: the command pipeline and its gate, the mode table, creation and demo, and the three front doors (command line, Excel add-in, doctor)."""
