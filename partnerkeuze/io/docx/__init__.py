"""Word documents: the hardened template renderer, fast packaging, building blocks of templates, charts and PDF copies."""
