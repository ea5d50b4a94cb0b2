"""Layer 4, the record of a call: governance (fixed criteria, log, anchors) and the procedure (stages and decisions). Its two packages do not import each other."""
