"""Word documents: the hardened renderer, the templates' contexts and the document actions.

Heavy libraries (lxml, babel, docx, matplotlib) are imported inside the functions that need them.
"""
