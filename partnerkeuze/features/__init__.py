"""Layer 5, the features: scoring, planning, intake, documents, SDG partnerships and link evaluation. A feature imports only from the layers below, never from another feature."""
